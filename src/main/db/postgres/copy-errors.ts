// What moving a single PC's data into a clinic server refuses: said in one line by the CLI, with nothing kept on the
// server (the move is one transaction).

/** The server must hold no clinic's data: a copy into a used database would mix two clinics. */
export class ServerNotEmptyError extends Error {
  constructor(table: string, rows: number) {
    super(`The server's database is not empty (${rows} row(s) in ${table}): a clinic is moved only into an empty database.`);
  }
}

export class CopyMismatchError extends Error {}
