// The reasons a door refuses to open the data, each with a message for the person at the keyboard (exit 2 in the
// CLI and the preview, a dialog in the desktop app) rather than a stack trace.
import { DatabaseDamagedError } from '../db/database-damage';
import { DatabaseInUseError } from '../db/database-holders';
import { DatabaseKeyError, DatabaseTooNewError } from '../db/open-database';
import { PlainDatabaseEncryptionError } from '../db/encrypt-plain-database';
import { AnchorKeyError } from '../security/anchor-key';
import { AnchorKeyFileFormatError } from '../security/anchor-key-file';
import { InvalidKeyError } from '../security/database-key';
import { KeyFileFormatError } from '../security/key-file';
import { KeyFileError, MissingKeyError } from '../security/key-source';
import { ServerLoginFileError } from '../security/server-login-file';
import { ServerUnreachableError } from '../services/open-server-services';

export function isOpenRefusal(error: unknown): error is Error {
  return [
    AnchorKeyError,
    AnchorKeyFileFormatError,
    DatabaseDamagedError,
    DatabaseInUseError,
    DatabaseTooNewError,
    DatabaseKeyError,
    PlainDatabaseEncryptionError,
    InvalidKeyError,
    KeyFileError,
    KeyFileFormatError,
    MissingKeyError,
    ServerLoginFileError,
    ServerUnreachableError,
  ].some((type) => error instanceof type);
}
