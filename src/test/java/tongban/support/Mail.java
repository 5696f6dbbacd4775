package tongban.support;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/** One real SMTP server (GreenMail) for the whole test run, on a free port; the application sends to it. */
public final class Mail {

	private static GreenMail server;

	private Mail() {
	}

	static synchronized int port() {
		if (server == null) {
			server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server.getSmtp().getPort();
	}

	/** Subject and body of every message received for this address, oldest first. */
	public static List<String> to(String address) {
		return Arrays.stream(server.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException e) {
				return false;
			}
		}).map(Mail::text).toList();
	}

	private static String text(Message m) {
		try {
			return m.getSubject() + "\n" + m.getContent();
		}
		catch (MessagingException | java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
