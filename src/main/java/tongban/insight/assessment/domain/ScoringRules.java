package tongban.insight.assessment.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tongban.insight.Indicator;
import tongban.shared.Clocks;

/**
 * The 考核 scoring rules as data, every saved version kept ({@code insight_score_rule_set} with its rows): a month is
 * scored with the version in force at its end, so a change today re-weighs the month under way and never a past one.
 */
@Repository
public class ScoringRules {

	/** One indicator's place in the score: its weight (points), its target and which way is better. */
	public record Rule(Indicator indicator, int weight, double target, boolean higherIsBetter) {
	}

	/** A saved version: the rules, the card deductions (points per 黄牌 and 红牌), who saved it and when. */
	public record RuleSet(UUID id, int version, BigDecimal yellowDeduction, BigDecimal redDeduction, String createdBy,
			OffsetDateTime createdAt, List<Rule> rules) {

		public int weightSum() {
			return rules.stream().mapToInt(Rule::weight).sum();
		}

		/** The rule of an indicator, if it is weighed. */
		public Rule rule(Indicator indicator) {
			return rules.stream().filter(r -> r.indicator() == indicator).findFirst().orElse(null);
		}
	}

	private final JdbcClient jdbc;

	ScoringRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The version in force now. */
	public RuleSet current() {
		return inForceBefore(OffsetDateTime.now(Clocks.ZONE).plusSeconds(1));
	}

	/** The version in force at the end of the month (now, for the month under way). */
	public RuleSet inForce(YearMonth month) {
		OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(Clocks.ZONE).toOffsetDateTime();
		OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE).plusSeconds(1);
		return inForceBefore(end.isBefore(now) ? end : now);
	}

	private RuleSet inForceBefore(OffsetDateTime at) {
		UUID id = jdbc.sql("select id from insight_score_rule_set where created_at < ? order by version desc limit 1").param(at)
			.query(UUID.class)
			.optional()
			.orElseGet(() -> jdbc.sql("select id from insight_score_rule_set order by version limit 1").query(UUID.class).single());
		return load(id);
	}

	/** Every version, the newest first. */
	public List<RuleSet> history() {
		return jdbc.sql("select id from insight_score_rule_set order by version desc").query(UUID.class).list().stream().map(this::load).toList();
	}

	/** Saves a new version (the caller checked it); its number is one more than the newest. */
	public RuleSet save(List<Rule> rules, BigDecimal yellow, BigDecimal red, String by) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into insight_score_rule_set (id, version, yellow_deduction, red_deduction, created_by, created_at)"
				+ " select ?, coalesce(max(version), 0) + 1, ?, ?, ?, now() from insight_score_rule_set")
			.params(id, yellow, red, by)
			.update();
		int position = 0;
		for (Rule rule : rules) {
			jdbc.sql("insert into insight_score_rule (set_id, position, indicator_code, weight, target, higher_is_better) values (?, ?, ?, ?, ?, ?)")
				.params(id, ++position, rule.indicator().code(), rule.weight(), BigDecimal.valueOf(rule.target()), rule.higherIsBetter())
				.update();
		}
		return load(id);
	}

	private static Optional<Rule> row(Indicator indicator, ResultSet rs) {
		try {
			return Optional.of(new Rule(indicator, rs.getInt("weight"), rs.getBigDecimal("target").doubleValue(), rs.getBoolean("higher_is_better")));
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private RuleSet load(UUID id) {
		List<Rule> rules = new ArrayList<>();
		jdbc.sql("select indicator_code, weight, target, higher_is_better from insight_score_rule where set_id = ? order by position").param(id)
			.query((rs, n) -> Indicator.byCode(rs.getString("indicator_code")).flatMap(indicator -> row(indicator, rs)))
			.list()
			.forEach(rule -> rule.ifPresent(rules::add));
		return jdbc.sql("select version, yellow_deduction, red_deduction, created_by, created_at from insight_score_rule_set where id = ?").param(id)
			.query((rs, n) -> new RuleSet(id, rs.getInt("version"), rs.getBigDecimal("yellow_deduction"), rs.getBigDecimal("red_deduction"),
					rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class), List.copyOf(rules)))
			.single();
	}
}
