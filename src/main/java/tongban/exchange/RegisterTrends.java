package tongban.exchange;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.shared.DataKeys;

/**
 * Aggregate counts from the business register the platform shares (市场主体登记 {@value #BUSINESS_REGISTER}): businesses
 * established and closed (注销) per month, industry and township, for decision support (the insight module's business
 * trends). Only counts leave the module and only public fields are looked at (industry, township, dates), so this is no
 * read of anyone's data and is not recorded as one.
 */
@Service
public class RegisterTrends {

	public static final String BUSINESS_REGISTER = "XH-SCJG-ZT";

	/** Businesses of one industry and township established and closed in one month. */
	public record BusinessMonth(YearMonth month, String industry, String townshipCode, int established, int closed) {
	}

	private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final DataKeys keys;
	private final JsonMapper json;

	RegisterTrends(JdbcClient jdbc, DataKeys keys, JsonMapper json) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.json = json;
	}

	private record Key(YearMonth month, String industry, String township) {
	}

	/** The counts of the months from {@code from} to {@code to} inclusive that have any, by month, industry and township. */
	@Transactional(readOnly = true)
	public List<BusinessMonth> businessMonths(YearMonth from, YearMonth to) {
		Map<Key, int[]> counts = new TreeMap<>(Comparator.comparing(Key::month).thenComparing(Key::industry).thenComparing(Key::township));
		try (Stream<String> rows = jdbc.sql("select data from exchange_record where resource_code = ?")
			.param(BUSINESS_REGISTER)
			.query(String.class)
			.stream()) {
			rows.forEach(stored -> {
				Map<String, String> values = json.readValue(keys.decrypt(stored), VALUES);
				String industry = values.getOrDefault("industry", "");
				String township = values.getOrDefault("townshipCode", "");
				count(counts, month(values.get("establishedOn")), industry, township, from, to, 0);
				count(counts, month(values.get("closedOn")), industry, township, from, to, 1);
			});
		}
		return counts.entrySet()
			.stream()
			.map(e -> new BusinessMonth(e.getKey().month(), e.getKey().industry(), e.getKey().township(), e.getValue()[0], e.getValue()[1]))
			.toList();
	}

	private static void count(Map<Key, int[]> counts, YearMonth month, String industry, String township, YearMonth from, YearMonth to, int which) {
		if (month != null && !month.isBefore(from) && !month.isAfter(to)) {
			counts.computeIfAbsent(new Key(month, industry, township), k -> new int[2])[which]++;
		}
	}

	private static YearMonth month(String date) {
		if (date == null || date.isBlank()) {
			return null;
		}
		try {
			return YearMonth.from(LocalDate.parse(date.strip()));
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
