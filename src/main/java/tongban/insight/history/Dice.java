package tongban.insight.history;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import tongban.shared.Clocks;
import tongban.shared.WorkingCalendar;

/** The generator's one source of chance (a seeded {@link Random}), with the draws it needs: the same seed, the same history. */
final class Dice {

	private final Random random;
	private final String name;
	private long drawn;

	Dice(long seed, String name) {
		this.random = new Random(seed ^ name.hashCode());
		this.name = name + ":" + seed;
	}

	boolean chance(double p) {
		return random.nextDouble() < p;
	}

	double unit() {
		return random.nextDouble();
	}

	/** From {@code from} to {@code to}, both included. */
	int between(int from, int to) {
		return from + random.nextInt(to - from + 1);
	}

	<T> T pick(List<T> choices) {
		return choices.get(random.nextInt(choices.size()));
	}

	char pick(String choices) {
		return choices.charAt(random.nextInt(choices.length()));
	}

	double gaussian() {
		return random.nextGaussian();
	}

	/** An id of its own, derived from the seed and the draw count. */
	UUID id() {
		return UUID.nameUUIDFromBytes((name + ":" + drawn++).getBytes());
	}

	String hex(int bytes) {
		byte[] b = new byte[bytes];
		random.nextBytes(b);
		return HexFormat.of().formatHex(b);
	}

	/** A moment on {@code day} between the minutes of the day {@code from} and {@code to} (Asia/Shanghai), to the second. */
	OffsetDateTime on(LocalDate day, int from, int to) {
		int minute = between(from, to - 1);
		return day.atStartOfDay(Clocks.ZONE).plusMinutes(minute).plusSeconds(random.nextInt(60)).toOffsetDateTime();
	}

	/** A moment in office hours (09:00–17:00) on the first working day at or after {@code day}. */
	OffsetDateTime office(LocalDate day, WorkingCalendar calendar) {
		return on(calendar.onOrAfter(day), 9 * 60, 17 * 60);
	}

	/** An applicant's name for a ticket: a surname and one or two given characters. */
	String personName() {
		return pick(SURNAMES) + "" + pick(GIVEN) + (chance(0.5) ? String.valueOf(pick(GIVEN)) : "");
	}

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢";
	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞建国文辉力斌宇浩凯晨欣怡梓涵子轩雨嘉思琪佳慧婷";
}
