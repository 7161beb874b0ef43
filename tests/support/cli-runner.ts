import { runCli } from '../../src/main/doors/cli';

/** Runs the CLI in-process with these leading arguments (--db, --key-file...), collecting what it prints. */
export function cliRunner(leading: () => readonly string[]) {
  return async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli([...leading(), ...args], { out: (text) => out.push(text), err: (text) => err.push(text) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
}
