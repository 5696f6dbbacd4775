package tongban.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides whether demo data loads (TONGBAN_DEMO, default: only into the embedded database) and loads each
 * module's set once, in a transaction, recording it in shared_data_load (which records nothing else). Whether the
 * platform runs with demo data at all is {@link #present()}: the demo banner on every page and the refusal to start
 * at a public https address ({@code internal.DemoExposureCheck}) go by it.
 */
@Component
public class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final boolean enabled;
	private final String password;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private volatile Boolean loadedEarlier;

	DemoData(TongbanProperties properties, ObjectProvider<EmbeddedDatabase> embedded, JdbcClient jdbc,
			TransactionTemplate tx) {
		this.enabled = properties.demo() != null ? properties.demo() : embedded.getIfAvailable() != null;
		this.password = properties.demoPassword();
		this.jdbc = jdbc;
		this.tx = tx;
	}

	public boolean enabled() {
		return enabled;
	}

	/**
	 * Whether this platform runs with demo data: it loads on this start, or an earlier start loaded it into this
	 * database. The second case matters because the demo accounts, whose passwords and TOTP secrets README.md
	 * publishes, stay in the database when TONGBAN_DEMO is turned off afterwards. Asked of the database once.
	 */
	public boolean present() {
		if (enabled) {
			return true;
		}
		Boolean earlier = loadedEarlier;
		if (earlier == null) {
			earlier = jdbc.sql("select exists (select 1 from shared_data_load)").query(Boolean.class).single();
			loadedEarlier = earlier;
		}
		return earlier;
	}

	/** The password every demo account gets. */
	public String password() {
		return password;
	}

	/** Runs {@code loader} once per database when demo data is enabled. */
	public void loadOnce(String name, Runnable loader) {
		if (!enabled) {
			return;
		}
		tx.executeWithoutResult(status -> {
			int inserted = jdbc.sql("insert into shared_data_load (name) values (?) on conflict do nothing")
				.param(name)
				.update();
			if (inserted == 1) {
				loader.run();
				log.info("demo data loaded: {}", name);
			}
		});
	}
}
