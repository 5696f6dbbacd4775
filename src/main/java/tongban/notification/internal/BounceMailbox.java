package tongban.notification.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.notification.DeliveryStatus;

/**
 * Reads the bounce mailbox ({@code TONGBAN_BOUNCE_IMAP_HOST} and the other {@code tongban.bounce-imap} settings) over
 * IMAP: each unread mail that is a bounce ({@link BounceReports}) fails the newest e-mail still counted as sent to the address it reports (SENT → FAILED, the
 * graph's {@code DeliveryBounced} edge, with the status and diagnostic as detail) and marks the address as failing.
 * Every mail read is flagged seen, bounce or not, so none is read twice; one that cannot be parsed is logged and
 * skipped, and the others are still read. Mails are parsed here from their raw text. Once per cluster
 * ({@code notification.bounces} lock).
 */
@Component
class BounceMailbox {

	private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);

	/** Mails read in one run at most; the rest wait for the next. */
	static final int BATCH = 200;

	/** Largest mail read, in bytes: a bounce with the returned mail's headers is a few kilobytes. */
	static final int LARGEST = 2 * 1024 * 1024;

	/** Where the bounce mailbox is; {@code startTls} asks for STARTTLS on plain IMAP when the server offers it. */
	record Settings(String host, int port, String user, String password, String folder, boolean startTls) {

		boolean configured() {
			return host != null && !host.isBlank();
		}

		@Override
		public String toString() {
			return "Settings[" + user + "@" + host + ":" + port + "/" + folder + "]";
		}
	}

	/** What one run did. */
	record Run(int read, int bounces, int failed, int unreadable) {
	}

	private final DeliveryLedger ledger;
	private final TransactionTemplate tx;
	private final Settings settings;
	private final Set<String> ownAddresses;

	BounceMailbox(DeliveryLedger ledger, PlatformTransactionManager transactions,
			@Value("${tongban.bounce-imap.host:}") String host, @Value("${tongban.bounce-imap.port:993}") int port,
			@Value("${tongban.bounce-imap.user:}") String user, @Value("${tongban.bounce-imap.password:}") String password,
			@Value("${tongban.bounce-imap.folder:INBOX}") String folder,
			@Value("${tongban.mail-from:通办 <noreply@tongban.local>}") String mailFrom) {
		this.ledger = ledger;
		this.tx = new TransactionTemplate(transactions);
		this.settings = new Settings(host, port, user, password, folder.isBlank() ? "INBOX" : folder, true);
		this.ownAddresses = own(mailFrom, user);
	}

	private static Set<String> own(String mailFrom, String user) {
		try {
			String from = new InternetAddress(mailFrom).getAddress().toLowerCase(Locale.ROOT);
			return user.contains("@") ? Set.of(from, user.toLowerCase(Locale.ROOT)) : Set.of(from);
		}
		catch (AddressException e) {
			return Set.of();
		}
	}

	@Scheduled(fixedDelayString = "${tongban.bounce-imap.interval:5m}", initialDelayString = "${tongban.bounce-imap.interval:5m}")
	@SchedulerLock(name = "notification.bounces", lockAtMostFor = "PT10M", lockAtLeastFor = "PT2M30S")
	void scheduled() {
		if (!settings.configured()) {
			return;
		}
		try {
			Run run = read(settings);
			if (run.read() > 0) {
				log.info("bounce mailbox read: {} mails, {} bounces, {} e-mails failed, {} unreadable", run.read(), run.bounces(), run.failed(),
						run.unreadable());
			}
		}
		catch (MessagingException e) {
			log.warn("bounce mailbox {} not read: {}", settings, e.toString());
		}
	}

	/** Reads the unread mails of the mailbox once. */
	Run read(Settings mailbox) throws MessagingException {
		Properties properties = new Properties();
		String protocol = mailbox.port() == 993 ? "imaps" : "imap";
		properties.put("mail." + protocol + ".connectiontimeout", "20000");
		properties.put("mail." + protocol + ".timeout", "30000");
		properties.put("mail.imap.starttls.enable", Boolean.toString(mailbox.startTls()));
		Session session = Session.getInstance(properties);
		Store store = session.getStore(protocol);
		store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
		try {
			Folder folder = store.getFolder(mailbox.folder());
			folder.open(Folder.READ_WRITE);
			try {
				Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
				int read = 0;
				int bounces = 0;
				int failed = 0;
				int unreadable = 0;
				for (Message mail : unread) {
					if (read == BATCH) {
						break;
					}
					read++;
					List<BounceReports.Bounce> found = List.of();
					try {
						found = BounceReports.read(local(session, mail), ownAddresses);
					}
					catch (FolderClosedException | StoreClosedException e) {
						throw e;
					}
					catch (MessagingException | IOException | RuntimeException e) {
						unreadable++;
						log.warn("bounce mailbox: mail {} skipped: {}", mail.getMessageNumber(), e.toString());
					}
					bounces += found.size();
					for (BounceReports.Bounce bounce : found) {
						// a database failure ends the run here, the mail still unread: the next run reads it again
						failed += Boolean.TRUE.equals(tx.execute(status -> apply(bounce))) ? 1 : 0;
					}
					mail.setFlag(Flags.Flag.SEEN, true);
				}
				return new Run(read, bounces, failed, unreadable);
			}
			finally {
				folder.close(false);
			}
		}
		finally {
			store.close();
		}
	}

	/**
	 * The mail as sent, parsed here rather than from the server's view of its structure (which a malformed mail can
	 * break on the server's side); one over {@link #LARGEST} bytes is refused unread (a bounce is a few kilobytes).
	 */
	private static MimeMessage local(Session session, Message mail) throws MessagingException, IOException {
		if (mail.getSize() > LARGEST) {
			throw new MessagingException("larger than " + LARGEST + " bytes: " + mail.getSize());
		}
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		mail.writeTo(raw);
		return new MimeMessage(session, new ByteArrayInputStream(raw.toByteArray()));
	}

	/**
	 * Fails the newest sent e-mail to the first address the bounce reports that has one, and marks that address; false
	 * when none of its addresses has an e-mail still counted as sent (a bounce read twice, or not about our mail).
	 */
	private boolean apply(BounceReports.Bounce bounce) {
		for (String address : bounce.recipients()) {
			Optional<Long> sent = ledger.newestSentEmail(address);
			if (sent.isPresent()) {
				String detail = BounceReports.clean("退信" + (bounce.status() == null ? "" : " " + bounce.status()) + "：" + bounce.reason());
				if (ledger.move(sent.get(), DeliveryStatus.SENT, DeliveryStatus.FAILED, detail)) {
					ledger.markBounced(address, sent.get(), bounce.status(), bounce.reason());
					return true;
				}
			}
		}
		return false;
	}
}
