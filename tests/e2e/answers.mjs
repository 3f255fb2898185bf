// Exits 0 when the URL given answers with a success status, 1 otherwise (used to start one server after another).
fetch(process.argv[2]).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
