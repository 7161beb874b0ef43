// The CLI's commands, their arguments and options, read by commander: every command's usage with --help (and
// `help COMMAND`), and a call that does not fit (an unknown command or option, a value outside an option's
// choices, a missing required option) refused here, before anything is opened, with what would have fitted.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander-cli';
import { HANDOUT_KIND_NAMES } from '../../shared/contract/handouts';
import { CSV_ENCODINGS, csvEncodingOf, type CsvEncoding } from '../../shared/domain/intake/csv-encodings';
import { SUPPORTED_LANGUAGES } from '../../shared/domain/intake/vocabulary';
import type { CliIo } from './cli';

export type CliCommandName =
  | 'patients import'
  | 'patients export'
  | 'patients archive'
  | 'patients purge-expired'
  | 'patients search'
  | 'plan check'
  | 'plan schedule'
  | 'plan draft'
  | 'followups due'
  | 'calendar'
  | 'handout'
  | 'handouts'
  | 'report khidi'
  | 'report summary'
  | 'report payments'
  | 'backup'
  | 'restore'
  | 'audit verify'
  | 'audit anchor'
  | 'coordinators list'
  | 'coordinators reset-pin'
  | 'server add-login'
  | 'demo'
  | 'info'
  | 'migrate-to-postgres'
  | 'diagnostics';

/** Every option any command takes, as commander names them; each command declares its own (and the global three). */
export interface CliOptions {
  readonly db?: string;
  readonly keyFile?: string;
  readonly loginFile?: string;
  readonly anchorKeyFile?: string;
  readonly json?: boolean;
  readonly out?: string;
  readonly at?: string;
  readonly lang?: string;
  readonly status?: string;
  readonly limit?: string;
  readonly case?: string;
  readonly kind?: string;
  readonly bilingual?: boolean;
  readonly draft?: boolean;
  readonly patient?: string;
  readonly year?: string;
  readonly from?: string;
  readonly to?: string;
  readonly keep?: string;
  readonly pin?: string;
  readonly encoding?: CsvEncoding;
  readonly discard?: boolean;
  readonly code?: string;
  readonly anchors?: string;
  readonly afterRestore?: boolean;
}

export interface CliInvocation {
  readonly command: CliCommandName;
  /** The command's positional arguments (ids, files, search words), in order. */
  readonly args: readonly string[];
  readonly options: CliOptions;
}

/** Either a command to run, or what the parser answered itself (help shown: 0; a refusal on stderr: 2). */
export type ParsedCommandLine = { readonly run: CliInvocation } | { readonly exitCode: number };

const GLOBAL_HELP = `
--db FILE (or CLINICDESK_DB) picks the database; default: the desktop app's own. A postgres:// URL names a clinic server.
--key-file FILE (or CLINICDESK_KEY) gives its key, 64 hexadecimal digits; there is no default.
--anchor-key-file FILE (or CLINICDESK_ANCHOR_KEY) gives the audit anchor key, 64 hexadecimal digits, never the
database key; optional: without it nothing is anchored (backup and audit anchor write anchors with it).
--login-file FILE (or CLINICDESK_LOGIN_FILE), with a clinic server's --db URL: this PC's database login, as
server add-login wrote it (opened with the clinic key); without it the URL's own login is used.

Exit codes: 0 done, 2 refused input (the problems are printed with file, line and field), 1 anything else.
\`help COMMAND\` (or COMMAND --help) shows a command's usage.`;

/** A stop that commander signals by calling its exit callback: thrown out of the parse, with the command it was in. */
class ParseStopped extends Error {
  constructor(
    readonly stop: CommanderError,
    readonly command: Command,
  ) {
    super(stop.message);
  }
}

export function parseCommandLine(argv: readonly string[], io: CliIo): ParsedCommandLine {
  let invocation: CliInvocation | undefined;
  const program = buildProgram((command, args, options) => (invocation = { command, args, options }), io);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof ParseStopped)) throw error;
    if (error.stop.exitCode === 0) return { exitCode: 0 };
    // Help asked for with no command (or a group without its action) is already on stderr.
    if (error.stop.code !== 'commander.help') io.err(refusalText(error.stop, error.command));
    return { exitCode: 2 };
  }
  // A `help` call answers without an invocation.
  return invocation ? { run: invocation } : { exitCode: 0 };
}

type OnCommand = (command: CliCommandName, args: readonly string[], options: CliOptions) => void;

function buildProgram(onCommand: OnCommand, io: CliIo): Command {
  const program = new Command('npm run cli --')
    .description('ClinicDesk from a shell: the same services as the app, for imports, exports and scripts.')
    .option('--db <file>', "the database (or CLINICDESK_DB); default: the desktop app's own")
    .option('--key-file <file>', 'the database key (or CLINICDESK_KEY), 64 hexadecimal digits')
    .option('--anchor-key-file <file>', 'the audit anchor key (or CLINICDESK_ANCHOR_KEY); optional')
    .option('--login-file <file>', "with a clinic server's URL: this PC's database login (or CLINICDESK_LOGIN_FILE)")
    .helpCommand(false)
    .addHelpText('after', GLOBAL_HELP)
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false, helpWidth: 120 })
    // Commander's own lines (help) go to the door's output; its error lines are written by parseCommandLine, with
    // the valid choices added.
    .configureOutput({
      writeOut: (text) => io.out(text.replace(/\n$/, '')),
      writeErr: (text) => io.err(text.replace(/\n$/, '')),
      outputError: () => {},
    });
  const leaf = (parent: Command, name: string, command: CliCommandName, description: string): Command => {
    const made = parent.command(name).description(description);
    return made.action(() => onCommand(command, made.args, made.optsWithGlobals<CliOptions>()));
  };
  const group = (name: string, description: string) => program.command(name).description(description);
  const json = (command: Command) => command.option('--json', 'print JSON');
  const at = (command: Command, what: string) => command.option('--at <iso>', what);

  const patients = group('patients', 'import, export, archive, purge and search patients');
  leaf(patients, 'import', 'patients import', 'import case files (.json) and agency bookings (.csv); all or nothing')
    .argument('<files...>', 'the files to import')
    .addOption(
      new Option(
        '--encoding <enc>',
        `the CSV's encoding when the detector is unsure (UTF-8, UTF-16 with BOM, CP949, Shift-JIS, GB18030 are detected); one of ${CSV_ENCODINGS.join(', ')}`,
      ).argParser(encodingArgument),
    )
    .option('--json', 'print the imported ids and each file as read, as JSON');
  leaf(patients, 'export', 'patients export', "write one patient's clinicdesk.case/1 file (stdout without --out)")
    .argument('<id>', "the patient's id")
    .option('--out <file>', 'the file to write');
  leaf(
    patients,
    'archive',
    'patients archive',
    "everything about one patient as one .zip: case file, photos, plan versions, audit history, the five handouts in the patient's language",
  )
    .argument('<id>', "the patient's id")
    .requiredOption('--out <dir>', 'the folder to write the .zip into');
  json(
    at(
      leaf(patients, 'purge-expired', 'patients purge-expired', 'destroy restricted records whose retention has ended'),
      'as of that instant (now by default)',
    ),
  );
  json(
    leaf(patients, 'search', 'patients search', 'search patients by any part of a name in any script, a passport name or a phone')
      .argument('[text...]', 'what to search for')
      .addOption(
        new Option('--status <status>', 'only patients coming, in Korea or gone home')
          .choices(['all', 'upcoming', 'in_korea', 'departed'])
          .default('all'),
      )
      .option('--limit <n>', 'at most this many rows', '50'),
  );

  const plan = group('plan', "check and schedule the plan in a case file, or read a patient's unsaved plan");
  for (const [name, description] of [
    ['check', 'the findings of the plan in a case file (exit 0 with findings, 2 if the file is invalid)'],
    ['schedule', 'fill the dates of plan items without one, inside the stay, from today on'],
  ] as const) {
    json(
      at(leaf(plan, name, `plan ${name}`, description).argument('<file>', 'the case file (.json)'), 'as of that instant (now by default)'),
    ).addOption(new Option('--lang <lang>', "the findings' language").choices(['ko', 'en']).default('en'));
  }
  leaf(plan, 'draft', 'plan draft', 'the unsaved plan the plan screen keeps for a patient, as JSON (or discard it)')
    .argument('<id>', "the patient's id")
    .option('--discard', 'discard it');

  json(
    at(
      leaf(
        group('followups', 'follow-ups after the flight'),
        'due',
        'followups due',
        'follow-ups due or overdue at that instant, all patients',
      ),
      'as of that instant (now by default)',
    ),
  );

  leaf(program, 'calendar', 'calendar', "one patient's sessions and follow-ups as an .ics calendar (stdout without --out)")
    .argument('<id>', "the patient's id")
    .option('--out <file>', 'the file to write');
  leaf(program, 'handout', 'handout', 'one handout from a case file with a plan')
    .requiredOption('--case <file>', 'the case file (.json) with a plan')
    .addOption(new Option('--kind <kind>', 'which handout').choices(HANDOUT_KIND_NAMES).makeOptionMandatory())
    .addOption(
      new Option('--lang <lang>', "its language; without it, the patient's preferred language, the first of the case's languages").choices(
        SUPPORTED_LANGUAGES,
      ),
    )
    .option('--bilingual', 'with Korean beside it')
    .option('--draft', 'allow a treatment without a clinic price, marking DRAFT on every page')
    .requiredOption('--out <file>', 'the PDF to write; its folder must exist');
  leaf(
    program,
    'handouts',
    'handouts',
    "all of one patient's handouts (five kinds, in the patient's first language alone and with Korean), made two at a time off the main thread",
  )
    .requiredOption('--patient <id>', "the patient's id")
    .requiredOption('--out <dir>', 'the folder to write into; made if its parent folder exists')
    .option('--draft', 'the plan and quote as a draft');

  const report = group('report', 'the KHIDI annual report, a summary and the payments for a date range');
  leaf(report, 'khidi', 'report khidi', 'the KHIDI annual foreign-patient report as a spreadsheet; gaps listed on stderr')
    .requiredOption('--year <yyyy>', 'the year')
    .requiredOption('--out <file>', 'the .xlsx file to write');
  json(
    leaf(report, 'summary', 'report summary', 'patients, sessions, follow-ups and revenue (KRW) for a date range')
      .requiredOption('--from <date>', 'the first day')
      .requiredOption('--to <date>', 'the last day'),
  );
  json(
    leaf(report, 'payments', 'report payments', 'payments and refunds by day and method (KRW), with totals and the net per currency')
      .requiredOption('--from <date>', 'the first day')
      .requiredOption('--to <date>', 'the last day'),
  );

  leaf(program, 'backup', 'backup', 'an encrypted backup (database and photos), keeping the newest N and always those of the last 7 days')
    .requiredOption('--out <dir>', 'the backup folder')
    .option('--keep <n>', 'how many backups to keep', '30');
  leaf(
    program,
    'restore',
    'restore',
    "replace the database and photos with a backup's, after checking it whole; refused while the app, the preview or another command has the database open",
  ).argument('<file>', 'the backup file');

  const audit = group('audit', "check and anchor the audit log's hash chain");
  json(
    leaf(
      audit,
      'verify',
      'audit verify',
      "check the whole audit log's hash chain, then its length and head against the newest anchor (exit 1 if altered)",
    )
      .addOption(new Option('--code <code>', 'against a code kept on paper').conflicts('anchors'))
      .option('--anchors <file>', 'against a copy of the anchors file (from a backup folder)'),
  );
  json(
    leaf(audit, 'anchor', 'audit anchor', 'anchor the audit log now and print its code to keep on paper (needs the anchor key)').option(
      '--after-restore',
      'the log was restored from a backup, so it is rightly shorter',
    ),
  );

  const coordinators = group('coordinators', 'the coordinator profiles');
  json(leaf(coordinators, 'list', 'coordinators list', 'the coordinator profiles (id and name)'));
  leaf(
    coordinators,
    'reset-pin',
    'coordinators reset-pin',
    'a new PIN for a profile whose PIN was forgotten; the coordinator changes it in Settings afterwards',
  )
    .argument('<id>', "the profile's id")
    .requiredOption('--pin <digits>', "6 to 8 digits (the shell's history keeps it)");

  const server = group('server', 'the clinic server');
  leaf(
    server,
    'add-login',
    'server add-login',
    "(clinic server, as an admin) make a profile's own database login; its password is written sealed under the clinic key into FILE (0600), never printed",
  )
    .argument('<id>', "the profile's id")
    .requiredOption('--out <file>', "the login file to give to that coordinator's PC, which opens the server with --login-file FILE");

  leaf(program, 'demo', 'demo', 'add about 20 demo patients from 10 countries');
  json(leaf(program, 'info', 'info', 'where the database is, schema version, patient count'));
  leaf(
    program,
    'migrate-to-postgres',
    'migrate-to-postgres',
    "copy a single PC's database into an empty clinic server, then check every table's count and the whole audit chain there",
  )
    .requiredOption('--from <file>', "the PC's database file")
    .requiredOption('--to <url>', "the clinic server's postgres:// URL");
  leaf(
    program,
    'diagnostics',
    'diagnostics',
    "the support log's files and the versions, as one .zip for whoever supports the clinic (no patient data)",
  ).requiredOption('--out <dir>', 'the folder to write into; made if its parent folder exists');

  // `help patients import` as well as `patients import --help`: commander's own help command reads one name only.
  program
    .command('help')
    .description('the usage of a command')
    .argument('[command...]', 'the command, e.g. patients import')
    .action((names: string[]) => helpFor(program, names).outputHelp());

  stopInsteadOfExiting(program);
  return program;
}

/** The command `names` leads to, or a refusal that lists what exists at the first name that does not. */
function helpFor(program: Command, names: readonly string[]): Command {
  let found = program;
  for (const name of names) {
    const next = found.commands.find((command) => command.name() === name);
    if (!next) throw new ParseStopped(new CommanderError(2, 'commander.unknownCommand', `error: unknown command '${name}'`), found);
    found = next;
  }
  return found;
}

/** Commander exits the process by default: every command throws instead, so runCli answers with an exit code. */
function stopInsteadOfExiting(command: Command): void {
  command.exitOverride((stop) => {
    throw new ParseStopped(stop, command);
  });
  for (const sub of command.commands) stopInsteadOfExiting(sub);
}

function encodingArgument(value: string): CsvEncoding {
  const encoding = csvEncodingOf(value);
  if (!encoding) throw new InvalidArgumentError(`Unknown encoding ${value}: use one of ${CSV_ENCODINGS.join(', ')}.`);
  return encoding;
}

/** Commander's one line, with what would have fitted, and where the usage is. */
function refusalText(stop: CommanderError, command: Command): string {
  const path = pathOf(command);
  const lines = [stop.message.replace(/^error: /, '').replace(/^./, (first) => first.toUpperCase())];
  if (stop.code === 'commander.unknownOption')
    lines.push(`The options of ${path || 'every command'}: ${validOptions(command).join(', ')}.`);
  if (stop.code === 'commander.unknownCommand')
    lines.push(`The commands${path ? ` of ${path}` : ''}: ${command.commands.map((sub) => sub.name()).join(', ')}.`);
  lines.push(`For the usage: npm run cli -- ${path ? `help ${path}` : '--help'}`);
  return lines.join('\n');
}

function pathOf(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/** The long flags this command accepts: its own and those of the commands above it (the global ones), and --help. */
function validOptions(command: Command): string[] {
  const flags: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) flags.push(...at.options.map((option) => option.long ?? option.flags));
  return [...flags, '--help'];
}
