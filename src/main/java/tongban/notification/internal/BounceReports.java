package tongban.notification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;

/**
 * Reads a mail from the bounce mailbox: a delivery status notification (RFC 3464: {@code multipart/report;
 * report-type=delivery-status} with a {@code message/delivery-status} part whose per-recipient fields give
 * {@code Final-Recipient}, {@code Action: failed} and a permanent {@code Status: 5.x.x}), or failing that a plain-text
 * bounce from a mailer daemon that quotes the recipient (older servers and some domestic providers send those).
 */
final class BounceReports {

	/** Longest reason kept: a diagnostic line, not the whole returned mail. */
	static final int REASON_LIMIT = 300;

	private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9.\\-]{1,185}\\.[A-Za-z]{2,}");
	private static final Pattern PERMANENT_STATUS = Pattern.compile("(?<![0-9.])5\\.[0-9]{1,3}\\.[0-9]{1,3}(?![0-9])");
	private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
			"undeliver|undelivered|delivery status notification|delivery failure|failure notice|returned mail|mail delivery failed|"
					+ "delivery has failed|退信|无法投递|投递失败|未能送达|发送失败",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern DAEMON = Pattern.compile("mailer-daemon|postmaster|mail delivery (sub)?system", Pattern.CASE_INSENSITIVE);
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n]]");

	private BounceReports() {
	}

	/** What a bounce says: the recipients it reports (for a plain-text bounce, the addresses it quotes, in order). */
	record Bounce(List<String> recipients, String status, String reason) {
	}

	/**
	 * The bounces a mail reports: one per failed recipient of a delivery status notification, one (with candidate
	 * recipients) for a plain-text bounce; none for any other mail, or for a notification of a delay or a success.
	 */
	static List<Bounce> read(Part mail, Set<String> ownAddresses) throws MessagingException, IOException {
		Optional<String> report = deliveryStatus(mail, 0);
		if (report.isPresent()) {
			return fromDeliveryStatus(report.get());
		}
		String from = mail instanceof Message message ? senders(message) : "";
		String subject = mail instanceof Message message && message.getSubject() != null ? message.getSubject() : "";
		if (!DAEMON.matcher(from).find() && !BOUNCE_SUBJECT.matcher(subject).find()) {
			return List.of();
		}
		return fromPlainText(plainText(mail, 0).orElse(""), ownAddresses, from).stream().toList();
	}

	/**
	 * The failed recipients of a {@code message/delivery-status} body: its groups of fields are separated by blank
	 * lines (the first is about the message, the others each about one recipient), a line starting with white space
	 * continues the field above.
	 */
	static List<Bounce> fromDeliveryStatus(String body) {
		List<Bounce> bounces = new ArrayList<>();
		for (Map<String, String> fields : groups(body)) {
			String recipient = typed(fields.get("final-recipient"));
			String action = fields.getOrDefault("action", "").trim().toLowerCase(Locale.ROOT);
			String status = fields.getOrDefault("status", "").trim();
			if (recipient == null || !"failed".equals(action) || !status.startsWith("5.")) {
				continue;
			}
			Matcher address = ADDRESS.matcher(recipient);
			if (!address.find()) {
				continue;
			}
			String diagnostic = typed(fields.get("diagnostic-code"));
			bounces.add(new Bounce(List.of(address.group().toLowerCase(Locale.ROOT)), statusOf(status),
					masked(clean(diagnostic == null || diagnostic.isBlank() ? status : diagnostic))));
		}
		return bounces;
	}

	/**
	 * A plain-text bounce: the addresses it quotes (not the platform's own, nor the daemon's) as candidates, the first
	 * permanent status in it, and the first line that names that status or an SMTP 5xx reply as the reason.
	 */
	static Optional<Bounce> fromPlainText(String text, Set<String> ownAddresses, String from) {
		Set<String> quoted = new LinkedHashSet<>();
		Matcher address = ADDRESS.matcher(text);
		while (address.find()) {
			String found = address.group().toLowerCase(Locale.ROOT);
			if (!ownAddresses.contains(found) && !from.toLowerCase(Locale.ROOT).contains(found)) {
				quoted.add(found);
			}
		}
		if (quoted.isEmpty()) {
			return Optional.empty();
		}
		Matcher status = PERMANENT_STATUS.matcher(text);
		String code = status.find() ? status.group() : null;
		String reason = text.lines()
			.map(String::strip)
			.filter(line -> (code != null && line.contains(code)) || line.matches("(?i).*\\b5[0-9]{2}\\b.*"))
			.findFirst()
			.orElse("退信");
		return Optional.of(new Bounce(List.copyOf(quoted), code, masked(clean(reason))));
	}

	private static List<Map<String, String>> groups(String body) {
		List<Map<String, String>> groups = new ArrayList<>();
		Map<String, String> current = new LinkedHashMap<>();
		String last = null;
		for (String line : body.replace("\r", "").split("\n", -1)) {
			if (line.isBlank()) {
				if (!current.isEmpty()) {
					groups.add(current);
					current = new LinkedHashMap<>();
				}
				last = null;
			}
			else if (Character.isWhitespace(line.charAt(0)) && last != null) {
				current.merge(last, " " + line.strip(), String::concat);
			}
			else {
				int colon = line.indexOf(':');
				if (colon > 0) {
					last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
					current.put(last, line.substring(colon + 1).strip());
				}
			}
		}
		if (!current.isEmpty()) {
			groups.add(current);
		}
		return groups;
	}

	/** A typed field's value without its type ({@code rfc822; a@b} → {@code a@b}, {@code smtp; 550 …} → {@code 550 …}). */
	private static String typed(String value) {
		if (value == null) {
			return null;
		}
		int semicolon = value.indexOf(';');
		return (semicolon >= 0 ? value.substring(semicolon + 1) : value).strip();
	}

	private static String statusOf(String status) {
		Matcher code = PERMANENT_STATUS.matcher(status);
		return code.find() ? code.group() : null;
	}

	/**
	 * The reason with every e-mail address in it masked ({@code z***@example.org}): servers quote the recipient in their
	 * diagnostic, and the reason is shown wherever the address is shown masked.
	 */
	static String masked(String reason) {
		return ADDRESS.matcher(reason).replaceAll(found -> Matcher.quoteReplacement(found.group().charAt(0) + "***"
				+ found.group().substring(found.group().indexOf('@'))));
	}

	/** Control characters (NUL included) out, one line, at most {@link #REASON_LIMIT} characters. */
	static String clean(String text) {
		String line = CONTROL.matcher(text.replace('\n', ' ')).replaceAll("").strip();
		return line.length() > REASON_LIMIT ? line.substring(0, REASON_LIMIT) + "…" : line;
	}

	/** The first {@code message/delivery-status} part, looked for through nested multiparts (not into returned mails). */
	private static Optional<String> deliveryStatus(Part part, int depth) throws MessagingException, IOException {
		if (part.isMimeType("message/delivery-status")) {
			return Optional.of(text(part));
		}
		if (depth < 5 && part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				Optional<String> found = deliveryStatus(multipart.getBodyPart(i), depth + 1);
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

	/** The first {@code text/plain} part, looked for through nested multiparts (not into returned mails). */
	private static Optional<String> plainText(Part part, int depth) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return Optional.of(part.getContent() instanceof String text ? text : text(part));
		}
		if (depth < 5 && part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				Optional<String> found = plainText(child, depth + 1);
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

	/** A part's decoded bytes as text, at most 64 KiB (a report is a few hundred bytes). */
	private static String text(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
		}
	}

	private static String senders(Message message) throws MessagingException {
		Address[] from = message.getFrom();
		if (from == null) {
			return "";
		}
		StringBuilder all = new StringBuilder();
		for (Address address : from) {
			all.append(address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString()).append(' ');
		}
		return all.toString();
	}
}
