package tongban.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ratings as facts for the indicators (insight): one rating after {@link RatingCounted}, or every rating given in a
 * period, streamed a batch of rows at a time for the backfill. Read from feedback's own tables.
 */
@Service
@Transactional(readOnly = true)
public class RatingFacts {

	private static final int FETCH = 1000;

	private static final String SELECT = """
			select r.id, r.department_code, r.region_code, r.case_id, r.level, (r.created_at at time zone 'Asia/Shanghai')::date as day,
			  not r.excluded and r.replaced_by is null as counted,
			  exists (select 1 from feedback_rectification t where t.rating_id = r.id and t.status <> 'EXCLUDED' and t.on_time
			    and t.rectified_at is not null) as rectified_in_time
			from feedback_rating r
			""";

	private final JdbcClient jdbc;

	RatingFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<RatingFact> of(UUID ratingId) {
		return jdbc.sql(SELECT + " where r.id = ?").param(ratingId).query((rs, row) -> fact(rs)).optional();
	}

	/** Every rating given on the days {@code from}..{@code to} (Asia/Shanghai), handed to {@code sink} as rows arrive. */
	public void forEach(LocalDate from, LocalDate to, Consumer<RatingFact> sink) {
		try (Stream<RatingFact> facts = jdbc.sql(SELECT + " where (r.created_at at time zone 'Asia/Shanghai')::date between ? and ?")
			.withFetchSize(FETCH)
			.params(from, to)
			.query((rs, row) -> fact(rs))
			.stream()) {
			facts.forEach(sink);
		}
	}

	private static RatingFact fact(ResultSet rs) throws SQLException {
		return new RatingFact(rs.getObject("id", UUID.class), rs.getString("department_code"), rs.getString("region_code"),
				rs.getObject("case_id", UUID.class), Level.of(rs.getInt("level")), rs.getObject("day", LocalDate.class), rs.getBoolean("counted"),
				rs.getBoolean("rectified_in_time"));
	}
}
