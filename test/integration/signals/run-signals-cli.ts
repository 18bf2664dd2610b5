// Runs the `cockpit signals` command in its own process, as the bundled CLI would (the lead wires it into cli/index.ts).
import run from '../../../src-main/cli/commands/signals';

process.exitCode = await run(process.argv.slice(2));
