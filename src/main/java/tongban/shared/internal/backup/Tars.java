package tongban.shared.internal.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Folders as gzip-compressed tar streams inside {@link BackupCipher} files, so that an operator can also read a backup
 * by hand: decrypt, then {@code tar xz}. Files that change while they are read (a database under a base backup) are
 * taken as they are: their size is fixed when their entry starts (a file that shrank is padded with zeros, one that
 * grew is cut); replaying the WAL from the backup's start repairs both, as PostgreSQL's base backup protocol also relies on.
 */
final class Tars {

	private Tars() {
	}

	/** What a folder walk leaves out: names of files, and folders kept empty. */
	record Skip(Set<String> files, Set<String> emptyFolders) {

		static final Skip NOTHING = new Skip(Set.of(), Set.of());
	}

	/** Writes {@code root} (its contents, with paths relative to it) as tar.gz into {@code sink}; the bytes of the files written. */
	static long pack(Path root, OutputStream sink, Skip skip) throws IOException {
		GZIPOutputStream gzip = new GZIPOutputStream(new BufferedOutputStream(sink, 1 << 16), 1 << 16) {
			{
				def.setLevel(Deflater.BEST_SPEED);
			}
		};
		long[] bytes = { 0 };
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
			tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
			tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
			if (Files.isDirectory(root)) {
				walk(root, root, tar, skip, bytes);
			}
			tar.finish();
		}
		return bytes[0];
	}

	private static void walk(Path root, Path folder, TarArchiveOutputStream tar, Skip skip, long[] bytes) throws IOException {
		List<Path> children = new ArrayList<>();
		try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
			listing.forEach(children::add);
		}
		catch (NoSuchFileException e) {
			return; // dropped while we walked (a temporary folder of the server)
		}
		children.sort(null);
		for (Path child : children) {
			String name = root.relativize(child).toString();
			if (skip.files().contains(child.getFileName().toString())) {
				continue;
			}
			if (Files.isDirectory(child)) {
				TarArchiveEntry entry = new TarArchiveEntry(name + "/");
				entry.setMode(0700);
				tar.putArchiveEntry(entry);
				tar.closeArchiveEntry();
				if (!skip.emptyFolders().contains(name)) {
					walk(root, child, tar, skip, bytes);
				}
			}
			else if (Files.isRegularFile(child)) {
				bytes[0] += packFile(child, name, tar);
			}
		}
	}

	private static long packFile(Path file, String name, TarArchiveOutputStream tar) throws IOException {
		InputStream in;
		long size;
		try {
			in = Files.newInputStream(file);
			size = Files.size(file);
		}
		catch (NoSuchFileException e) {
			return 0; // removed since the listing (a dropped table's file): the WAL replays the removal
		}
		try (in) {
			TarArchiveEntry entry = new TarArchiveEntry(name);
			entry.setMode(0600);
			entry.setSize(size);
			tar.putArchiveEntry(entry);
			long copied = copy(in, tar, size);
			byte[] zeros = new byte[8192];
			for (long left = size - copied; left > 0; left -= zeros.length) {
				tar.write(zeros, 0, (int) Math.min(zeros.length, left));
			}
			tar.closeArchiveEntry();
			return size;
		}
	}

	private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
		byte[] buffer = new byte[1 << 16];
		long copied = 0;
		while (copied < limit) {
			int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied));
			if (n < 0) {
				break;
			}
			out.write(buffer, 0, n);
			copied += n;
		}
		return copied;
	}

	/** Unpacks a tar.gz stream into {@code target}: folders 0700, files 0600; an entry leading outside it is refused. */
	static void unpack(InputStream source, Path target) throws IOException {
		Path base = target.toAbsolutePath().normalize();
		Files.createDirectories(base);
		// PostgreSQL refuses a data folder others may read
		restrict(base, "rwx------");
		try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(source, 1 << 16), 1 << 16))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = base.resolve(entry.getName()).normalize();
				if (!path.startsWith(base)) {
					throw new BackupRefused("The backup names a file outside its folder (" + entry.getName() + "): it was not made by bin/backup.");
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
					restrict(path, "rwx------");
				}
				else if (entry.isFile()) {
					Files.createDirectories(path.getParent());
					try (OutputStream out = Files.newOutputStream(path)) {
						tar.transferTo(out);
					}
					restrict(path, "rw-------");
				}
			}
		}
	}

	static void restrict(Path path, String permissions) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
		catch (UnsupportedOperationException e) {
			// not a POSIX file system: the parent folder's protection applies
		}
	}
}
