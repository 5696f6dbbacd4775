package tongban.shared.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tongban.shared.ClusterSignals;

/**
 * Signals to every node through PostgreSQL's LISTEN/NOTIFY. A signal sent here is handed to this node's listeners at
 * once after the commit (so the sending node never serves what it has just changed), and {@code pg_notify}'d to the
 * others from a pool connection by one sender thread, in order, carrying this node's id so that the echo is skipped.
 * <p>
 * One connection per node, held by one listening thread, LISTENs to every channel a listener registered and waits for
 * notifications. When it is lost (the server restarted, the backend was terminated, the network dropped it: a
 * {@code select 1} every few seconds finds a silent loss), the thread connects again, LISTENs again and then calls every
 * listener with {@link ClusterSignals#EVERYTHING}: signals sent meanwhile were missed, so caches are dropped rather than
 * trusted. A listener that throws is logged and the loop goes on. The loop stops when the context closes, before the
 * data source (and an embedded database) does, since this bean depends on the data source.
 * <p>
 * A stop is not always the end: a context may be stopped and started again ({@code pause()}/{@code restart()}, which
 * the test context cache of Spring Framework 7 does to every cached context not in use). A start after a stop makes a
 * new sender (the old one was shut down to flush what was queued) and drops every cache once listening again, since
 * signals sent while stopped were missed. Before this, a restarted node went on hearing the others but never told them
 * anything: its sender stayed shut down.
 */
@Component
class PostgresClusterSignals implements ClusterSignals, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PostgresClusterSignals.class);

	/** The application name of the listening connection in {@code pg_stat_activity}. */
	static final String APPLICATION_NAME = "tongban-signals";

	private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");
	private static final long WAIT_MILLIS = 250;
	private static final Duration PROBE_EVERY = Duration.ofSeconds(5);
	private static final Duration RETRY_FIRST = Duration.ofMillis(200);
	private static final Duration RETRY_MOST = Duration.ofSeconds(5);

	private final DataSource dataSource;
	private final String node = UUID.randomUUID().toString();
	private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
	private final Set<String> listening = ConcurrentHashMap.newKeySet();
	private volatile ExecutorService sender = newSender();
	private final AtomicLong reconnects = new AtomicLong();
	private volatile boolean running;
	/** Started before and stopped since: signals were missed meanwhile. */
	private volatile boolean restarted;
	private volatile CountDownLatch stopped = new CountDownLatch(0);
	private volatile Thread loop;

	PostgresClusterSignals(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void send(String channel, String payload) {
		check(channel);
		String text = payload == null ? "" : payload;
		if (text.length() > MAX_PAYLOAD) {
			throw new IllegalArgumentException("signal payload longer than " + MAX_PAYLOAD + " characters on " + channel);
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			pending().add(new Signal(channel, text));
			return;
		}
		deliver(channel, text);
	}

	private record Signal(String channel, String payload) {
	}

	/**
	 * The signals of the current transaction, each once however often it was sent, delivered after the commit (in
	 * afterCompletion, which also runs for a synchronisation registered during another's afterCommit).
	 */
	@SuppressWarnings("unchecked")
	private Set<Signal> pending() {
		Set<Signal> signals = (Set<Signal>) TransactionSynchronizationManager.getResource(this);
		if (signals == null) {
			Set<Signal> created = new LinkedHashSet<>();
			TransactionSynchronizationManager.bindResource(this, created);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(PostgresClusterSignals.this);
					if (status == STATUS_COMMITTED) {
						created.forEach(signal -> deliver(signal.channel(), signal.payload()));
					}
				}
			});
			signals = created;
		}
		return signals;
	}

	@Override
	public void listen(String channel, Consumer<String> listener) {
		check(channel);
		listeners.computeIfAbsent(channel, key -> new CopyOnWriteArrayList<>()).add(listener);
	}

	/** Times the listening connection was made again after a loss (for tests and the docs' promise). */
	long reconnects() {
		return reconnects.get();
	}

	private static void check(String channel) {
		if (channel == null || !CHANNEL.matcher(channel).matches()) {
			throw new IllegalArgumentException("a signal channel is lower-case letters, digits and '_': " + channel);
		}
	}

	private static ExecutorService newSender() {
		return Executors.newSingleThreadExecutor(Thread.ofVirtual().name("signal-sender").factory());
	}

	private void deliver(String channel, String payload) {
		dispatch(channel, payload);
		ExecutorService current = sender;
		if (!current.isShutdown()) {
			try {
				current.execute(() -> notifyOthers(channel, payload));
			}
			catch (RejectedExecutionException stopping) {
				log.warn("signal on {} not sent to other nodes: this node is stopping", channel);
			}
		}
	}

	private void notifyOthers(String channel, String payload) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			try (var statement = connection.prepareStatement("select pg_notify(?, ?)")) {
				statement.setString(1, channel);
				statement.setString(2, node + ":" + payload);
				statement.execute();
			}
		}
		catch (SQLException | RuntimeException e) {
			// the others drop their caches when their own connection comes back; a lost database is reported elsewhere
			log.warn("signal on {} not sent to other nodes: {}", channel, e.getMessage());
		}
	}

	private void dispatch(String channel, String payload) {
		for (Consumer<String> listener : listeners.getOrDefault(channel, List.of())) {
			try {
				listener.accept(payload);
			}
			catch (RuntimeException e) {
				log.warn("listener of signal {} failed", channel, e);
			}
		}
	}

	private void everythingChanged() {
		listeners.keySet().forEach(channel -> dispatch(channel, EVERYTHING));
	}

	@Override
	public void start() {
		if (sender.isShutdown()) {
			sender = newSender();
			restarted = true;
		}
		running = true;
		stopped = new CountDownLatch(1);
		loop = Thread.ofPlatform().daemon().name("signal-listener").start(this::listenUntilStopped);
	}

	@Override
	public void stop() {
		running = false;
		stopped.countDown();
		Thread thread = loop;
		if (thread != null) {
			try {
				thread.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		ExecutorService current = sender;
		current.shutdown();
		try {
			current.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Early to start (caches listen before traffic comes), late to stop (after the web server stopped taking requests). */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1000;
	}

	private void listenUntilStopped() {
		Duration retry = RETRY_FIRST;
		boolean first = true;
		boolean missedWhileStopped = restarted;
		restarted = false;
		while (running) {
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("set application_name = '" + APPLICATION_NAME + "'");
				}
				listening.clear();
				listenToNew(connection);
				if (!first) {
					reconnects.incrementAndGet();
					log.info("signal connection made again: every node-local cache is dropped");
					everythingChanged();
				}
				else if (missedWhileStopped) {
					log.info("signals started again after a stop: every node-local cache is dropped");
					everythingChanged();
				}
				first = false;
				retry = RETRY_FIRST;
				try {
					receive(connection);
				}
				finally {
					release(connection);
				}
			}
			catch (SQLException | RuntimeException e) {
				if (running) {
					log.warn("signal connection lost ({}); connecting again in {} ms", e.getMessage(), retry.toMillis());
					first = false;
					pause(retry);
					retry = retry.multipliedBy(2).compareTo(RETRY_MOST) > 0 ? RETRY_MOST : retry.multipliedBy(2);
				}
			}
		}
	}

	private void receive(Connection connection) throws SQLException {
		PGConnection pg = connection.unwrap(PGConnection.class);
		long probeAt = System.nanoTime() + PROBE_EVERY.toNanos();
		while (running) {
			listenToNew(connection);
			PGNotification[] notifications = pg.getNotifications((int) WAIT_MILLIS);
			if (notifications != null) {
				for (PGNotification notification : notifications) {
					received(notification.getName(), notification.getParameter());
				}
			}
			if (System.nanoTime() - probeAt > 0) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("select 1");
				}
				probeAt = System.nanoTime() + PROBE_EVERY.toNanos();
			}
		}
	}

	/** The connection goes back to the pool as any other: listening to nothing, under the pool's name. */
	private static void release(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("unlisten *; reset application_name");
		}
		catch (SQLException lost) {
			// a broken connection: the pool drops it
		}
	}

	private void listenToNew(Connection connection) throws SQLException {
		for (String channel : listeners.keySet()) {
			if (!listening.contains(channel)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + channel); // checked: lower-case letters, digits and '_'
				}
				listening.add(channel);
			}
		}
	}

	private void received(String channel, String text) {
		int colon = text.indexOf(':');
		if (colon < 0 || text.substring(0, colon).equals(node)) {
			return; // this node's own signal, already handed to its listeners after the commit
		}
		dispatch(channel, text.substring(colon + 1));
	}

	private void pause(Duration time) {
		try {
			stopped.await(time.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}
}
