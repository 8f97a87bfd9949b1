/**
 * `npm run forms -- <command> [args]`: each command lives in cli/commands/<command>.ts and exports
 * `run(args: string[]): Promise<number>` (the exit code) and a one-line `summary`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

const commandsDir = fileURLToPath(new URL('./commands/', import.meta.url));
const names = readdirSync(commandsDir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3))
  .sort();

async function loadCommand(name: string): Promise<Command> {
  return (await import(`./commands/${name}.ts`)) as Command;
}

async function printUsage(): Promise<void> {
  console.log('Usage: npm run forms -- <command> [args]\n\nCommands:');
  for (const name of names) console.log(`  ${name.padEnd(16)} ${(await loadCommand(name)).summary}`);
}

const [name, ...args] = process.argv.slice(2);
if (!name || name === 'help' || name === '--help') {
  await printUsage();
  process.exitCode = name ? 0 : 1;
} else if (!names.includes(name)) {
  console.error(`Unknown command "${name}".`);
  await printUsage();
  process.exitCode = 1;
} else {
  try {
    process.exitCode = await (await loadCommand(name)).run(args);
  } catch (error) {
    console.error(`forms ${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
