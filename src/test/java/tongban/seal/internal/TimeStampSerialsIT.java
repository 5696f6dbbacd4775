package tongban.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.support.AtOnce;
import tongban.support.IntegrationTest;

/**
 * Two nodes time-stamping at once never give two tokens the same serial number (RFC 3161 §2.4.2). Each node builds its
 * time-stamping unit as {@link SealConfiguration} does, with the same keys; the serials come from the database. Before,
 * each node counted up from the millisecond it started, so two nodes started within a few milliseconds collided.
 */
class TimeStampSerialsIT extends IntegrationTest {

	@Autowired
	SigningKeys keys;

	@Autowired
	PlatformCa ca;

	@Test
	void twoNodesStampingAtOnceGiveDistinctSerials() throws Exception {
		List<TimeStamps> nodes = List.of(node(), node());
		List<BigInteger> serials = new ArrayList<>();
		AtOnce.run(4, thread -> () -> {
			List<BigInteger> mine = new ArrayList<>();
			for (int i = 0; i < 25; i++) {
				byte[] signature = ("signature " + thread + "/" + i).getBytes(StandardCharsets.UTF_8);
				mine.add(nodes.get(thread % 2).stamp(signature).getTimeStampInfo().getSerialNumber());
			}
			return mine;
		}).forEach(serials::addAll);
		Set<BigInteger> distinct = new HashSet<>(serials);
		assertThat(serials).hasSize(100);
		assertThat(distinct).as("no serial given twice").hasSize(100);
		assertThat(serials).allMatch(serial -> serial.compareTo(BigInteger.TEN.pow(13)) >= 0, "above every serial of the former counters");
	}

	private TimeStamps node() {
		return new SealConfiguration().timeStamps(keys, ca, jdbc);
	}
}
