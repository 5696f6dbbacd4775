package tongban.insight.channels;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the channel checks, under {@code tongban.insight.channels.*}.
 *
 * @param allowedHosts hosts besides the platform's own (its public address) whose links are checked; every other link
 *        is left unchecked, so a pass never reaches the internet unless a host is listed here
 * @param staleDays a guide not reviewed for this many days is stale
 * @param zombieDays a 政务新媒体 account not updated for more than this many days is a 僵尸 account
 * @param timeout how long a link may take to answer
 * @param maxLinks how many links one pass checks at most
 */
@ConfigurationProperties("tongban.insight.channels")
public record ChannelSettings(List<String> allowedHosts, int staleDays, int zombieDays, Duration timeout, int maxLinks) {

	public ChannelSettings {
		allowedHosts = allowedHosts == null ? List.of() : allowedHosts.stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
		staleDays = staleDays <= 0 ? 180 : staleDays;
		zombieDays = zombieDays <= 0 ? 14 : zombieDays;
		timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofSeconds(5) : timeout;
		maxLinks = maxLinks <= 0 ? 2000 : maxLinks;
	}
}
