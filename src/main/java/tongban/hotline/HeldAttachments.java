package tongban.hotline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.hotline.internal.domain.AttachmentRules;
import tongban.shared.Clocks;
import tongban.shared.FileStore;
import tongban.shared.Upload;

/**
 * Files chosen on the 12345 form that must outlive one page: the form is shown again to send the SMS code or to
 * correct a field, and a browser cannot keep a chosen file across pages. Each file is kept under a random token
 * (128 bits, the only way to name it), which the page carries back as a checked box; the ticket takes the files at
 * submission. Files abandoned for a day are removed whenever new ones are kept. Only files the ticket would take are
 * kept (PDF, JPEG or PNG within the size limit); the ticket checks them again, as any attachment.
 */
@Service
public class HeldAttachments {

	static final Duration KEPT_FOR = Duration.ofDays(1);

	/** A kept file as the form lists it. */
	public record Held(String token, String name, long size) {
	}

	private final JdbcClient jdbc;
	private final FileStore files;
	private final HotlineSettings settings;
	private final SecureRandom random = new SecureRandom();

	HeldAttachments(JdbcClient jdbc, FileStore files, HotlineSettings settings) {
		this.jdbc = jdbc;
		this.files = files;
		this.settings = settings;
	}

	/** Keeps these uploads (at most as many as a ticket may carry) and removes files abandoned for a day. */
	@Transactional
	public List<Held> hold(List<Upload> uploads) {
		purge();
		List<Held> held = new ArrayList<>();
		for (Upload u : uploads) {
			// a file the ticket would refuse is not kept: its message says to choose another
			Optional<String> type = u == null || u.bytes() == null ? Optional.empty() : AttachmentRules.attachmentType(u.bytes());
			if (type.isEmpty() || held.size() >= settings.maxAttachments() || u.bytes().length > settings.maxAttachmentBytes()) {
				continue;
			}
			String name = AttachmentRules.safeName(u.name());
			FileStore.Stored s = files.put(u.bytes(), type.get(), name);
			byte[] token = new byte[16];
			random.nextBytes(token);
			Held h = new Held(HexFormat.of().formatHex(token), name, s.size());
			jdbc.sql("insert into hotline_held_attachment (token, file_id, name, content_type, size) values (?, ?, ?, ?, ?)")
				.params(h.token(), s.id(), name, s.contentType(), s.size())
				.update();
			held.add(h);
		}
		return held;
	}

	/** The kept files these tokens name, in the order given; unknown tokens are ignored. */
	public List<Held> find(List<String> tokens) {
		return rows(tokens).stream().map(r -> new Held(r.token(), r.name(), r.size())).toList();
	}

	/** The kept files' contents, to submit with the ticket. */
	public List<Upload> uploads(List<String> tokens) {
		List<Upload> uploads = new ArrayList<>();
		for (Row r : rows(tokens)) {
			try (InputStream in = files.open(r.fileId()).orElseThrow()) {
				uploads.add(new Upload(r.name(), in.readAllBytes()));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return uploads;
	}

	/** Removes kept files once the ticket has its own copies. */
	@Transactional
	public void release(List<String> tokens) {
		for (Row r : rows(tokens)) {
			jdbc.sql("delete from hotline_held_attachment where token = ?").param(r.token()).update();
			files.delete(r.fileId());
		}
	}

	private record Row(String token, String fileId, String name, long size) {
	}

	private List<Row> rows(List<String> tokens) {
		if (tokens == null || tokens.isEmpty()) {
			return List.of();
		}
		List<String> wanted = tokens.stream().filter(t -> t != null && t.matches("[0-9a-f]{32}")).distinct().limit(settings.maxAttachments() * 2L)
			.toList();
		List<Row> found = new ArrayList<>();
		for (String token : wanted) {
			jdbc.sql("select token, file_id, name, size from hotline_held_attachment where token = ?")
				.param(token)
				.query(Row.class)
				.optional()
				.ifPresent(found::add);
		}
		return found;
	}

	private void purge() {
		List<Row> old = jdbc.sql("select token, file_id, name, size from hotline_held_attachment where created_at < ? limit 100")
			.param(OffsetDateTime.now(Clocks.ZONE).minus(KEPT_FOR))
			.query(Row.class)
			.list();
		for (Row r : old) {
			jdbc.sql("delete from hotline_held_attachment where token = ?").param(r.token()).update();
			files.delete(r.fileId());
		}
	}
}
