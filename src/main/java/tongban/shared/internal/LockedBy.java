package tongban.shared.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who holds a job's lock in {@code shedlock.locked_by}: the host, and the node's name where it has one. */
final class LockedBy {

	private LockedBy() {
	}

	static String of(String node) {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			host = "unknown";
		}
		return node == null || node.isBlank() ? host : host + "/" + node.strip();
	}
}
