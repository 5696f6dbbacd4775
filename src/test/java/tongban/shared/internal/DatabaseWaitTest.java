package tongban.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class DatabaseWaitTest {

	@Test
	void aboutADozenAttemptsOneToFiveSecondsApart() {
		assertThat(DatabaseWait.pause(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(5));
		assertThat(DatabaseWait.pause(Duration.ofSeconds(36))).isEqualTo(Duration.ofSeconds(3));
		assertThat(DatabaseWait.pause(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(1));
		assertThat(DatabaseWait.pause(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void onlyAConnectionNotMadeOrAServerStartingIsWorthAnotherTry() {
		assertThat(DatabaseWait.retryable(new SQLException("refused", "08001", new ConnectException("Connection refused")))).isTrue();
		assertThat(DatabaseWait.retryable(new SQLException("the database system is starting up", "57P03"))).isTrue();
		assertThat(DatabaseWait.retryable(new SQLException("password authentication failed for user \"x\"", "28P01"))).isFalse();
		assertThat(DatabaseWait.retryable(new SQLException("database \"nope\" does not exist", "3D000"))).isFalse();
	}

	@Test
	void whatFailedInOneLine() {
		assertThat(DatabaseWait.reason(new SQLException("Connection to 127.0.0.1:1 refused. Check that …", "08001",
				new ConnectException("Connection refused")))).isEqualTo("Connection refused");
		assertThat(DatabaseWait.reason(new SQLException("x", "08001", new UnknownHostException("db.example")))).isEqualTo("unknown host db.example");
		assertThat(DatabaseWait.reason(new SQLException("FATAL: password authentication failed\n  Detail: more", "28P01")))
			.isEqualTo("FATAL: password authentication failed");
		assertThat(DatabaseWait.reason(new SQLException("y".repeat(500)))).hasSize(201);
	}

	@Test
	void theUrlIsShownWithoutItsParameters() {
		assertThat(DatabaseWait.shown("jdbc:postgresql://db:5432/tongban?user=a&password=secret")).isEqualTo("jdbc:postgresql://db:5432/tongban");
		assertThat(DatabaseWait.shown("jdbc:postgresql://db/tongban")).isEqualTo("jdbc:postgresql://db/tongban");
	}

	@Test
	void theLastWordsSayWhichDatabaseWhatFailedAndWhatToDo() {
		var analysis = new DatabaseUnreachableFailureAnalyzer()
			.analyze(new IllegalStateException(new DatabaseUnreachable("jdbc:postgresql://db/tongban", Duration.ofSeconds(60), "Connection refused")));
		assertThat(analysis.getDescription())
			.isEqualTo("The database at jdbc:postgresql://db/tongban could not be used: Connection refused (gave up after 60 s).");
		assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL").contains("TONGBAN_DB_WAIT");
	}
}
