package tongban.shared.internal.backup;

/**
 * A backup or restore that cannot go on, with one sentence saying why and what to do: {@code bin/backup} and
 * {@code bin/restore} print it and exit with status 2, without a stack trace (a wrong key, a folder that is not empty, a
 * time before the oldest backup, a damaged file).
 */
public class BackupRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public BackupRefused(String message) {
		super(message);
	}

	public BackupRefused(String message, Throwable cause) {
		super(message, cause);
	}
}
