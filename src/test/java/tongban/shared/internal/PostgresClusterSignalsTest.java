package tongban.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tongban.shared.ClusterSignals;

/** What a node does with a signal before PostgreSQL is involved: checks, the commit, listeners that fail. */
class PostgresClusterSignalsTest {

	/** No database: the NOTIFY to other nodes fails and is logged, this node's delivery does not depend on it. */
	private final PostgresClusterSignals signals = new PostgresClusterSignals(new NoDatabase());

	private final List<String> heard = new CopyOnWriteArrayList<>();

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void channelsAreLowerCaseWordsAndPayloadsShort() {
		for (String bad : new String[] { "Catalog", "catalog-items", "", "1abc", "catalog items", "a".repeat(64), "x;drop" }) {
			assertThatThrownBy(() -> signals.send(bad, "")).as(bad).isInstanceOf(IllegalArgumentException.class);
			assertThatThrownBy(() -> signals.listen(bad, heard::add)).as(bad).isInstanceOf(IllegalArgumentException.class);
		}
		assertThatThrownBy(() -> signals.send("catalog_items", "x".repeat(ClusterSignals.MAX_PAYLOAD + 1)))
			.isInstanceOf(IllegalArgumentException.class);
		signals.listen("catalog_items", heard::add);
		signals.send("catalog_items", "x".repeat(ClusterSignals.MAX_PAYLOAD));
		signals.send("catalog_items", null);
		assertThat(heard).containsExactly("x".repeat(ClusterSignals.MAX_PAYLOAD), "");
	}

	@Test
	void inATransactionTheSignalGoesAfterTheCommitOnceAndNotAtAllOnRollback() {
		signals.listen("catalog_items", heard::add);
		TransactionSynchronizationManager.initSynchronization();
		signals.send("catalog_items", "A");
		signals.send("catalog_items", "A");
		signals.send("catalog_items", "B");
		assertThat(heard).as("not before the commit").isEmpty();
		complete(TransactionSynchronization.STATUS_COMMITTED);
		assertThat(heard).containsExactly("A", "B");

		heard.clear();
		TransactionSynchronizationManager.initSynchronization();
		signals.send("catalog_items", "C");
		complete(TransactionSynchronization.STATUS_ROLLED_BACK);
		assertThat(heard).isEmpty();
		signals.send("catalog_items", "D");
		assertThat(heard).as("outside a transaction: at once").containsExactly("D");
	}

	@Test
	void aFailingListenerDoesNotKeepTheOthersFromHearing() {
		signals.listen("hall_display", payload -> {
			throw new IllegalStateException("refused");
		});
		signals.listen("hall_display", heard::add);
		signals.send("hall_display", "p|UPDATE");
		assertThat(heard).containsExactly("p|UPDATE");
	}

	/**
	 * A context stopped and started again (the test context cache pauses every cached context not in use) must go on
	 * telling the other nodes: before, its sender stayed shut down and only its own listeners heard its signals.
	 */
	@Test
	void aNodeStoppedAndStartedAgainStillSendsToTheOthers() {
		ConnectionAttempts attempts = new ConnectionAttempts();
		PostgresClusterSignals restarted = new PostgresClusterSignals(attempts);
		restarted.listen("catalog_items", heard::add);
		restarted.start();
		restarted.stop();
		restarted.start();
		try {
			restarted.send("catalog_items", "A");
			assertThat(heard).containsExactly("A");
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> attempts.threads().contains("signal-sender"));
		}
		finally {
			restarted.stop();
		}
	}

	private static void complete(int status) {
		List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
	}

	/** No database either, but it remembers which threads asked for a connection (the sender's, the listener's). */
	private static final class ConnectionAttempts extends NoDatabase {

		private final Set<String> threads = ConcurrentHashMap.newKeySet();

		@Override
		public Connection getConnection() throws SQLException {
			threads.add(Thread.currentThread().getName());
			return super.getConnection();
		}

		Set<String> threads() {
			return threads;
		}
	}

	private static class NoDatabase implements DataSource {

		@Override
		public Connection getConnection() throws SQLException {
			throw new SQLException("no database in a unit test");
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() {
			return Logger.getGlobal();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			throw new SQLException("not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return false;
		}
	}
}
