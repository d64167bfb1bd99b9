// A simulator of a generated organisation in its own process, with limits raised so a
// benchmark measures sync's own cost rather than GitHub's hourly budget. Prints its URL.
import { generateOrg, startSimulator } from "@/simulator";

const repos = Number(process.argv[2] ?? "1000");
const sim = await startSimulator({
  fixture: generateOrg({ repos, seed: 1 }),
  port: 0,
  limits: {
    restPerHour: 10_000_000,
    graphqlPointsPerHour: 10_000_000,
    restPointsPerMinute: 10_000_000,
    graphqlPointsPerMinute: 10_000_000,
  },
});
process.stdout.write(
  `SIMULATOR ${sim.url} ${sim.fixture.org.login} ${sim.fixture.org.tokens[0]?.token ?? ""}\n`,
);
const stop = () => void sim.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
