// Stands in for `next start` in the launcher's tests (a build takes minutes): it listens
// as Next does (-p/-H, else PORT), answers every request with its pid and arguments, and
// like Next closes its server on SIGTERM/SIGINT, then exits.
import http from "node:http";

const argv = process.argv.slice(2);
// A worker that cannot start (a bad build, say): exits before listening.
if (process.env.STAND_IN_FAIL_AT_START === "1") process.exit(3);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const server = http.createServer((_req, res) => {
  res.setHeader("connection", "close");
  res.end(JSON.stringify({ pid: process.pid, argv }));
});
server.listen(Number(option("-p") ?? process.env.PORT ?? 0), option("-H"), () =>
  console.log(`stand-in ${process.pid} listening on ${server.address().port}`),
);
for (const signal of ["SIGTERM", "SIGINT"])
  process.on(signal, () =>
    server.close(() => {
      console.log(`stand-in ${process.pid} closed after ${signal}`);
      process.exit(0);
    }),
  );
