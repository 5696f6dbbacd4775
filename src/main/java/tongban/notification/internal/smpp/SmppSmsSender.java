package tongban.notification.internal.smpp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tongban.notification.SmsRefused;
import tongban.notification.SmsSender;

/**
 * Sends text messages to the SMS centre over SMPP 3.4: each text signed ({@link SmsSignature}), in UCS-2, split into
 * concatenated parts when longer than 70 characters ({@link SmsParts}), each part submitted with a delivery receipt
 * asked for (registered_delivery: success and failure) and no faster than the account allows ({@link Throughput}). The
 * hand-over answers the parts' message ids, by which their receipts find the message ({@link SmppReceipts}).
 *
 * <p>The centre's refusals: throttled (ESME_RTHROTTLED 0x58) or its queue full (ESME_RMSGQFUL 0x14), no session, a
 * lost connection or no answer in time are no fault of the message, which waits and keeps its tries; a destination the
 * centre refuses (ESME_RINVDSTADR 0x0B, ESME_RINVDSTTON 0x50, ESME_RINVDSTNPI 0x51) fails the message at once with the
 * code; any other error is a refusal for now that uses up a try, so the queue gives up after its last.
 */
final class SmppSmsSender implements SmsSender {

	/** Codes of submit_sm_resp (SMPP 3.4 §5.1.3) that mean trying the same number again cannot help. */
	static final List<Integer> PERMANENT = List.of(0x0B, 0x50, 0x51, 0x48, 0x49);

	/** Codes that mean: not now, the centre is busy. */
	static final List<Integer> BUSY = List.of(0x58, 0x14);

	private final SmppLink link;
	private final SmppSettings settings;
	private final SmsSignature signature;
	private final Throughput throughput;
	private final SmppReceipts receipts;
	private final AtomicInteger references = new AtomicInteger();

	SmppSmsSender(SmppLink link, SmppSettings settings, SmppReceipts receipts) {
		this.link = link;
		this.settings = settings;
		this.receipts = receipts;
		this.signature = new SmsSignature(settings.signature());
		this.throughput = new Throughput(settings.perSecond());
	}

	@Override
	public Handover send(String mobile, String text) {
		return send(mobile, text, true);
	}

	@Override
	public Handover sendIfFree(String mobile, String text) {
		return send(mobile, text, false);
	}

	/** Submits the text's parts; without {@code wait}, nothing (null) when the first part's turn has not come. */
	private Handover send(String mobile, String text, boolean wait) {
		List<SmsParts.Part> parts = SmsParts.split(signature.apply(text), references.incrementAndGet() & 0xFF);
		SMPPSession session = link.session();
		List<String> ids = new ArrayList<>();
		for (SmsParts.Part part : parts) {
			if (ids.isEmpty() && !wait) {
				if (!throughput.tryAcquire()) {
					return null;
				}
			}
			else {
				throughput.acquire();
			}
			ids.add(submit(session, mobile, part));
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// a receipt may come back before the hand-over commits: it is kept, and tried again once the ids are visible
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					receipts.retry(ids);
				}
			});
		}
		return Handover.ofParts(ids);
	}

	private String submit(SMPPSession session, String mobile, SmsParts.Part part) {
		ESMClass esm = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, part.udhi() ? GSMSpecificFeature.UDHI : GSMSpecificFeature.DEFAULT);
		try {
			return session.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, settings.sourceAddr(), TypeOfNumber.UNKNOWN,
					NumberingPlanIndicator.ISDN, mobile, esm, (byte) 0, (byte) 0, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
					(byte) 0, new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, part.payload())
				.getMessageId();
		}
		catch (NegativeResponseException e) {
			throw refusal(e.getCommandStatus());
		}
		catch (ResponseTimeoutException | IOException e) {
			throw SmsRefused.unavailable("NO_ANSWER", link.retryAfter(), "短信中心未应答：" + e.getClass().getSimpleName());
		}
		catch (PDUException | InvalidResponseException e) {
			throw new SmsRefused("PDU", false, "短信中心的应答无法识别：" + e.getClass().getSimpleName());
		}
	}

	/** The refusal a submit_sm_resp error code means. */
	SmsRefused refusal(int status) {
		String code = "0x" + HexFormat.of().toHexDigits(status);
		if (BUSY.contains(status)) {
			return SmsRefused.unavailable(code, settings.throttledWait(), "短信中心繁忙，稍后重试");
		}
		if (PERMANENT.contains(status)) {
			return new SmsRefused(code, true, "短信中心拒收该号码");
		}
		return new SmsRefused(code, false, "短信中心拒收");
	}
}
