package tongban.exchange.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import tongban.shared.DataKeys;

/**
 * The MACs that make reads tamper-evident: a record's seal is the HMAC (the platform's MAC key) of its fields, and a
 * range's seal the HMAC over its records' seals. Each read is given a time of its own, so no two seals are alike.
 */
@Component
class ReadMacs {

	/** The last time given to a read on this node, in microseconds: each read gets a later one, so no two seals are alike. */
	private static final AtomicLong LAST = new AtomicLong();

	private final DataKeys keys;

	ReadMacs(DataKeys keys) {
		this.keys = keys;
	}

	/**
	 * The time of a read as the database keeps it (microseconds), so that its seal can be computed again; later than the
	 * last read's on this node.
	 */
	static Instant now() {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
		return Instant.EPOCH.plus(LAST.accumulateAndGet(micros, (last, now) -> Math.max(last + 1, now)), ChronoUnit.MICROS);
	}

	String seal(Instant at, ReadRecorder.Read read) {
		return seal(at, read.subjectIndex(), read.resourceCode(), read.departmentCode(), read.clientId(), read.staffId(), read.staffName(),
				read.fields(), read.purpose(), read.caseNumber(), read.outcome());
	}

	String seal(Instant at, String subjectIndex, String resourceCode, String departmentCode, String clientId, String staffId, String staffName,
			List<String> fields, String purpose, String caseNumber, String outcome) {
		StringBuilder b = new StringBuilder(256).append("read");
		for (String s : new String[] { at.toString(), subjectIndex, resourceCode, departmentCode, clientId, staffId, staffName, String.join(",", fields),
				purpose, caseNumber, outcome }) {
			b.append('\u001f').append(s == null ? "\u0000" : s);
		}
		return keys.mac(b.toString());
	}

	/** The MAC over a batch's seals, in sorted order: the order in which the database numbers the records does not matter. */
	String batchSeal(List<String> seals) {
		return keys.mac("reads\u001f" + String.join(",", seals.stream().sorted().toList()));
	}
}
