package tongban.notification.internal.smpp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMS centre in this JVM, speaking SMPP 3.4 on the loopback address with jSMPP's server session: it accepts binds
 * its {@link Script} allows, takes submit_sm (joining the parts of a concatenated text again), answers a message id and,
 * when asked for one, sends a delivery receipt a moment later. The demo's 模拟短信中心 ({@link DemoSmsCentre}) and the
 * tests' scripted centre are both one of these.
 */
public class LocalSmsCentre implements ServerMessageReceiverListener, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LocalSmsCentre.class);
	private static final SecureRandom RANDOM = new SecureRandom();

	/** What the centre does: whom it lets bind, which submits it refuses, what receipts it sends. */
	public interface Script {

		/** 0 to accept the bind, else the error status to refuse it with. */
		default int bind(String systemId, String password) {
			return 0;
		}

		/** 0 to take a submit to this number, else the error status (submit_sm_resp command_status) to refuse it with. */
		default int submit(String destination) {
			return 0;
		}

		/** The receipt's stat for a message to this number (DELIVRD, UNDELIV …), null to send none. */
		default String receiptStat(String destination) {
			return "DELIVRD";
		}

		/** The receipt's err for a message to this number. */
		default String receiptErr(String destination) {
			return "000";
		}

		/** One submit_sm taken, with the message id answered. */
		default void part(SubmitSm submit, String messageId) {
		}

		/** A whole text taken (its parts joined). */
		void received(String destination, String text);
	}

	private final Script script;
	private final ServerSocket socket;
	private final SMPPServerSessionListener listener;
	private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
	private final Map<String, TreeMap<Integer, String>> pieces = new ConcurrentHashMap<>();
	private final ScheduledExecutorService receipts = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("sms-centre-receipts").factory());
	private volatile boolean running = true;

	/** Listens on the loopback address at {@code port} (0: any free port). */
	public LocalSmsCentre(int port, Script script) throws IOException {
		this.script = script;
		this.socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		ServerSocket bound = socket;
		ServerConnectionFactory loopback = new ServerConnectionFactory() {
			@Override
			public ServerConnection listen(int ignored) {
				return new ServerSocketConnection(bound);
			}

			@Override
			public ServerConnection listen(int ignored, int timeout) {
				return new ServerSocketConnection(bound);
			}

			@Override
			public ServerConnection listen(int ignored, int timeout, int backlog) {
				return new ServerSocketConnection(bound);
			}
		};
		this.listener = new SMPPServerSessionListener(socket.getLocalPort(), 0, loopback);
		listener.setMessageReceiverListener(this);
		Thread.ofVirtual().name("sms-centre-accept").start(this::acceptLoop);
	}

	public int port() {
		return socket.getLocalPort();
	}

	public String host() {
		return InetAddress.getLoopbackAddress().getHostAddress();
	}

	private void acceptLoop() {
		while (running) {
			try {
				SMPPServerSession session = listener.accept();
				Thread.ofVirtual().name("sms-centre-bind").start(() -> bind(session));
			}
			catch (IOException e) {
				if (running) {
					log.warn("SMS centre stopped accepting: {}", e.toString());
				}
				return;
			}
		}
	}

	private void bind(SMPPServerSession session) {
		try {
			BindRequest request = session.waitForBind(5_000);
			int status = script.bind(request.getSystemId(), request.getPassword());
			boolean open;
			synchronized (sessions) {
				open = running;
				if (open && status == 0) {
					sessions.add(session);
				}
			}
			if (!open) {
				session.close();
			}
			else if (status == 0) {
				request.accept(request.getSystemId(), InterfaceVersion.IF_34);
			}
			else {
				// the client closes the connection once it has read the refusal (closing here could cut the answer off)
				request.reject(status);
			}
		}
		catch (Exception e) {
			log.info("SMS centre bind ended: {}", e.toString());
			session.close();
		}
	}

	@Override
	public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
		String destination = submit.getDestAddress();
		int status = script.submit(destination);
		if (status != 0) {
			throw new ProcessRequestException("refused", status);
		}
		String id = HexFormat.of().formatHex(randomBytes());
		script.part(submit, id);
		boolean udhi = SubmitSm.isUdhi(submit.getEsmClass());
		byte[] payload = submit.getShortMessage() == null ? new byte[0] : submit.getShortMessage();
		String piece = SmsParts.text(payload, udhi, submit.getDataCoding());
		SmsParts.Header header = udhi ? SmsParts.header(payload) : null;
		if (header == null || header.total() <= 1) {
			script.received(destination, piece);
		}
		else {
			String key = source.getSessionId() + "/" + destination + "/" + header.reference();
			TreeMap<Integer, String> got = pieces.computeIfAbsent(key, k -> new TreeMap<>());
			String whole = null;
			synchronized (got) {
				got.put(header.number(), piece);
				if (got.size() == header.total()) {
					whole = String.join("", got.values());
					pieces.remove(key);
				}
			}
			if (whole != null) {
				script.received(destination, whole);
			}
		}
		if (SMSCDeliveryReceipt.SUCCESS_FAILURE.containedIn(submit.getRegisteredDelivery())
				|| SMSCDeliveryReceipt.SUCCESS.containedIn(submit.getRegisteredDelivery())) {
			String stat = script.receiptStat(destination);
			if (stat != null) {
				String err = script.receiptErr(destination);
				receipts.schedule(() -> receipt(source, destination, ReceiptText.of(id, stat, err)), 50, TimeUnit.MILLISECONDS);
			}
		}
		try {
			return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
		}
		catch (Exception e) {
			throw new ProcessRequestException("message id", 0x08, e);
		}
	}

	private static byte[] randomBytes() {
		byte[] id = new byte[8];
		RANDOM.nextBytes(id);
		return id;
	}

	/** Sends a receipt with this text to every bound session (a test's receipt for a message id nobody sent). */
	public void sendReceipt(String text) {
		sessions.forEach(session -> receipt(session, "", text));
	}

	private void receipt(SMPPServerSession session, String destination, String text) {
		if (!session.getSessionState().isBound()) {
			return;
		}
		try {
			session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, destination, TypeOfNumber.UNKNOWN,
					NumberingPlanIndicator.UNKNOWN, "", new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
					(byte) 0, (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), text.getBytes(StandardCharsets.ISO_8859_1));
		}
		catch (Exception e) {
			log.info("SMS centre could not send a receipt: {}", e.toString());
		}
	}

	@Override
	public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
		throw unsupported();
	}

	@Override
	public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
		throw unsupported();
	}

	@Override
	public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
		throw unsupported();
	}

	@Override
	public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
		throw unsupported();
	}

	@Override
	public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
		throw unsupported();
	}

	@Override
	public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
		throw unsupported();
	}

	@Override
	public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
			throws ProcessRequestException {
		throw unsupported();
	}

	@Override
	public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
		throw unsupported();
	}

	private static ProcessRequestException unsupported() {
		return new ProcessRequestException("not supported", 0x03);
	}

	/** Stops listening and drops every session (an outage, for the tests). */
	@Override
	public void close() {
		synchronized (sessions) {
			running = false;
		}
		try {
			// first no new connections, then none of the old ones
			listener.close();
			socket.close();
		}
		catch (IOException e) {
			log.info("SMS centre closed: {}", e.toString());
		}
		receipts.shutdownNow();
		// dropped, not unbound: as when the centre goes down
		synchronized (sessions) {
			sessions.forEach(SMPPServerSession::close);
			sessions.clear();
		}
	}
}
