package tongban.proactive.opendata;

import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import tongban.identity.IdentityManagement;

/**
 * The names of the people the platform knows, for the privacy scan: everyone in the population register (which holds
 * the demo people 王小明, 李娜 and 陈建国 too) and the demo people's relatives named in the demo registers. Read afresh
 * for each scan, since the register grows.
 */
@Component
public class PersonNames {

	/** Demo people named in other registers but not in the population register (a spouse in the marriage register). */
	static final Set<String> DEMO = Set.of("王小明", "李娜", "陈建国", "周雅琴");

	private final IdentityManagement identity;

	PersonNames(IdentityManagement identity) {
		this.identity = identity;
	}

	/** A privacy scan for every known name. */
	public PrivacyScan scan() {
		Set<String> names = new HashSet<>(DEMO);
		identity.populationRegister().forEach(person -> names.add(person.name()));
		return new PrivacyScan(names);
	}
}
