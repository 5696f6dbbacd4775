package tongban.notification.internal.smpp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tongban.notification.SmsRefused;

/**
 * The platform's session with its SMS centre: bound as a transceiver (submits go out, delivery receipts come back on
 * the same connection), kept alive by enquire_link, bound again after a refusal or a lost connection with a wait that
 * doubles from {@code reconnect-min} up to {@code reconnect-max}. One virtual thread keeps it; senders ask for the
 * session and are refused for now (their message waits, its tries untouched) while there is none.
 */
final class SmppLink implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SmppLink.class);

	/** Where the link stands, for health: bound or not, and why not. */
	record State(Kind kind, String reason) {
	}

	enum Kind {
		/** The first bind is being tried. */
		CONNECTING,
		BOUND,
		/** The centre answered the bind with an error (wrong account or password, or too many binds). */
		REFUSED,
		/** The centre could not be reached, or the connection was lost. */
		UNREACHABLE
	}

	private final SmppSettings settings;
	private final MessageReceiverListener receipts;
	private final String label;
	private final ReentrantLock lock = new ReentrantLock();
	private final Condition changed = lock.newCondition();
	private volatile SMPPSession session;
	private volatile State state = new State(Kind.CONNECTING, "正在连接");
	private volatile Duration wait;
	private volatile boolean running = true;
	private final Thread keeper;

	SmppLink(SmppSettings settings, MessageReceiverListener receipts, String label) {
		this.settings = settings;
		this.receipts = receipts;
		this.label = label;
		this.wait = settings.reconnectMin();
		this.keeper = Thread.ofVirtual().name("smpp-link").start(this::keep);
	}

	State state() {
		return state;
	}

	/** What the centre is called where it is shown: its address, or 模拟短信中心 for the demo's. */
	String label() {
		return label;
	}

	/**
	 * The bound session; refused for now when there is none (the message waits about as long as the next bind attempt).
	 * The very first bind is awaited a moment, so that a message sent as the platform starts is not held back.
	 */
	SMPPSession session() {
		SMPPSession current = session;
		if (current == null && state.kind() == Kind.CONNECTING) {
			awaitFirstBind(Duration.ofSeconds(3));
			current = session;
		}
		if (current == null || !current.getSessionState().isBound()) {
			State now = state;
			throw SmsRefused.unavailable("UNBOUND", retryAfter(), "短信中心暂不可用：" + now.reason());
		}
		return current;
	}

	/** How long a message refused for want of a session waits: about until the next bind attempt. */
	Duration retryAfter() {
		Duration next = wait;
		return next.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : next;
	}

	private void awaitFirstBind(Duration most) {
		long deadline = System.nanoTime() + most.toNanos();
		lock.lock();
		try {
			while (running && state.kind() == Kind.CONNECTING) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return;
				}
				changed.awaitNanos(left);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		finally {
			lock.unlock();
		}
	}

	/** Binds, and binds again whenever the session is lost, until closed. */
	private void keep() {
		while (running) {
			SMPPSession current = session;
			if (current != null && current.getSessionState().isBound()) {
				pause(Duration.ofSeconds(1));
				continue;
			}
			if (current != null) {
				current.close();
				session = null;
				change(new State(Kind.UNREACHABLE, "与短信中心的连接已断开"));
			}
			String invalid = invalid(settings);
			if (invalid != null) {
				change(new State(Kind.REFUSED, invalid));
				log.warn("SMPP account for {} cannot bind: {}", label, invalid);
				pause(settings.reconnectMax());
				continue;
			}
			try {
				session = bind();
				wait = settings.reconnectMin();
				change(new State(Kind.BOUND, null));
				log.info("SMPP bound to {}", label);
			}
			catch (IOException e) {
				State failed = failure(e);
				change(failed);
				log.warn("SMPP bind to {} failed ({}); next try in {}", label, failed.reason(), wait);
				pause(wait);
				Duration doubled = wait.multipliedBy(2);
				wait = doubled.compareTo(settings.reconnectMax()) > 0 ? settings.reconnectMax() : doubled;
			}
		}
	}

	private SMPPSession bind() throws IOException {
		SMPPSession fresh = new SMPPSession();
		fresh.setEnquireLinkTimer((int) settings.enquireLink().toMillis());
		fresh.setTransactionTimer(10_000);
		fresh.setMessageReceiverListener(receipts);
		fresh.addSessionStateListener((newState, oldState, source) -> {
			if (newState == SessionState.CLOSED || newState == SessionState.UNBOUND) {
				nudge();
			}
		});
		try {
			fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX, settings.systemId(), settings.password(),
					settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
			return fresh;
		}
		catch (IOException e) {
			fresh.close();
			throw e;
		}
	}

	/** What makes an account impossible to bind with (SMPP 3.4 §4.1.1: system_id up to 15 octets, password up to 8). */
	static String invalid(SmppSettings settings) {
		if (settings.systemId().length() > 15) {
			return "账号（TONGBAN_SMPP_SYSTEM_ID）超过 15 个字符";
		}
		if (settings.password().length() > 8) {
			return "密码（TONGBAN_SMPP_PASSWORD）超过 8 个字符";
		}
		return null;
	}

	/** Why a bind failed, as health shows it. */
	static State failure(IOException e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof NegativeResponseException refused) {
				int status = refused.getCommandStatus();
				String why = switch (status) {
					case 0x0D -> "登录被拒绝（ESME_RBINDFAIL）";
					case 0x0E -> "密码错误（ESME_RINVPASWD）";
					case 0x0F -> "账号错误（ESME_RINVSYSID）";
					case 0x05 -> "账号已登录（ESME_RALYBND）";
					default -> "登录被拒绝";
				};
				return new State(Kind.REFUSED, "短信中心拒绝登录：" + why + "，错误码 0x" + HexFormat.of().toHexDigits(status));
			}
			if (cause instanceof ConnectException || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException
					|| cause instanceof SocketTimeoutException) {
				return new State(Kind.UNREACHABLE, "无法连接短信中心（" + cause.getClass().getSimpleName() + "）");
			}
		}
		String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		if (message.toLowerCase(Locale.ROOT).contains("negative bind response")) {
			return new State(Kind.REFUSED, "短信中心拒绝登录：" + message);
		}
		return new State(Kind.UNREACHABLE, "无法连接短信中心（" + message + "）");
	}

	private void change(State next) {
		lock.lock();
		try {
			state = next;
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	/** Wakes the keeper: the session was lost. */
	private void nudge() {
		lock.lock();
		try {
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	private void pause(Duration length) {
		lock.lock();
		try {
			if (running) {
				changed.await(length.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			running = false;
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void close() {
		running = false;
		nudge();
		keeper.interrupt();
		SMPPSession current = session;
		if (current != null) {
			current.unbindAndClose();
		}
	}
}
