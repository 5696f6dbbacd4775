package tongban.notification.internal.smpp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.bean.SubmitSm;

/**
 * The tests' SMS centre: a {@link LocalSmsCentre} whose answers a test sets per number (refuse the bind, throttle the
 * first submits, reject the number, answer a failure receipt or none) and which records every part it took. It can be
 * stopped and started again on the same port (an outage).
 */
final class ScriptedSmsCentre implements LocalSmsCentre.Script, AutoCloseable {

	/** One submit_sm as taken. */
	record Taken(String destination, byte esmClass, byte dataCoding, byte registeredDelivery, byte[] payload, String messageId) {
	}

	final int port;
	final String systemId;
	volatile String password;
	private volatile LocalSmsCentre centre;
	final List<Taken> taken = new CopyOnWriteArrayList<>();
	final Map<String, List<String>> texts = new ConcurrentHashMap<>();
	private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
	private final Set<String> rejected = ConcurrentHashMap.newKeySet();
	private final Map<String, String[]> receipts = new ConcurrentHashMap<>();
	private final Set<String> silent = ConcurrentHashMap.newKeySet();
	/** Every number a submit_sm was addressed to, taken or refused, in order. */
	final List<String> attempted = new CopyOnWriteArrayList<>();

	ScriptedSmsCentre(int port, String systemId, String password) {
		this.port = port;
		this.systemId = systemId;
		this.password = password;
		start();
	}

	void start() {
		try {
			centre = new LocalSmsCentre(port, this);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void stop() {
		centre.close();
	}

	void throttle(String number, int times) {
		throttled.put(number, new AtomicInteger(times));
	}

	void reject(String number) {
		rejected.add(number);
	}

	void failReceipt(String number, String stat, String err) {
		receipts.put(number, new String[] { stat, err });
	}

	/** No receipts for this number: the test sends them itself. */
	void noReceipts(String number) {
		silent.add(number);
	}

	void sendReceipt(String text) {
		centre.sendReceipt(text);
	}

	long attemptsTo(String number) {
		return attempted.stream().filter(number::equals).count();
	}

	List<Taken> takenFor(String number) {
		return taken.stream().filter(t -> t.destination().equals(number)).toList();
	}

	@Override
	public int bind(String givenSystemId, String givenPassword) {
		return systemId.equals(givenSystemId) && password.equals(givenPassword) ? 0 : 0x0E;
	}

	@Override
	public int submit(String destination) {
		attempted.add(destination);
		if (rejected.contains(destination)) {
			return 0x0B;
		}
		AtomicInteger left = throttled.get(destination);
		if (left != null && left.getAndDecrement() > 0) {
			return 0x58;
		}
		return 0;
	}

	@Override
	public String receiptStat(String destination) {
		if (silent.contains(destination)) {
			return null;
		}
		String[] receipt = receipts.get(destination);
		return receipt == null ? "DELIVRD" : receipt[0];
	}

	@Override
	public String receiptErr(String destination) {
		String[] receipt = receipts.get(destination);
		return receipt == null ? "000" : receipt[1];
	}

	@Override
	public void part(SubmitSm submit, String messageId) {
		taken.add(new Taken(submit.getDestAddress(), submit.getEsmClass(), submit.getDataCoding(), submit.getRegisteredDelivery(),
				submit.getShortMessage(), messageId));
	}

	@Override
	public void received(String destination, String text) {
		texts.computeIfAbsent(destination, k -> new CopyOnWriteArrayList<>()).add(text);
	}

	@Override
	public void close() {
		stop();
	}
}
