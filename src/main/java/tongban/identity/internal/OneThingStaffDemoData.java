package tongban.identity.internal;

import java.util.EnumSet;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.shared.DemoData;

/**
 * Approvers for the departments whose items the 高效办成一件事 bundles file cases with and which had no demo approver
 * (issue #19): without them a bundle's case with 公安, 教育, 医保, 税务, 不动产登记, 残联 or the service centre's
 * 公用事业 counter would wait in an inbox nobody of the demo can open. Same password and fixed TOTP secrets as the
 * other demo staff (README).
 */
@Component
@Order(21)
class OneThingStaffDemoData implements ApplicationRunner {

	/** username, name, department, TOTP secret. */
	static final List<String[]> APPROVERS = List.of(
			new String[] { "approver-ga", "马户籍", "XH-GA", "TONGBANDEMOAPPROVERGAAAAAAAAAAAA" },
			new String[] { "approver-jy", "杨教育", "XH-JY", "TONGBANDEMOAPPROVERJYAAAAAAAAAAA" },
			new String[] { "approver-yb", "朱医保", "XH-YB", "TONGBANDEMOAPPROVERYBAAAAAAAAAAA" },
			new String[] { "approver-sw", "胡税务", "XH-SW", "TONGBANDEMOAPPROVERSWAAAAAAAAAAA" },
			new String[] { "approver-gh", "郭登记", "XH-GHZY", "TONGBANDEMOAPPROVERGHAAAAAAAAAAA" },
			new String[] { "approver-cl", "宋残联", "XH-CL", "TONGBANDEMOAPPROVERCLAAAAAAAAAAA" },
			new String[] { "approver-zwfw", "唐专区", "XH-ZWFW", "TONGBANDEMOAPPROVERZWFWAAAAAAAAA" });

	private final DemoData demo;
	private final AccountRepository accounts;
	private final DirectoryManagement directory;
	private final PasswordEncoder encoder;

	OneThingStaffDemoData(DemoData demo, AccountRepository accounts, DirectoryManagement directory, PasswordEncoder encoder) {
		this.demo = demo;
		this.accounts = accounts;
		this.directory = directory;
		this.encoder = encoder;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("identity-one-thing", () -> {
			String hash = encoder.encode(demo.password());
			for (String[] s : APPROVERS) {
				directory.departmentByCode(s[2]).filter(dep -> accounts.findByUsername(s[0]).isEmpty()).ifPresent(dep -> accounts.save(Account.staff(s[0], s[1], hash, s[3], dep.id(), dep.regionCode(),
						EnumSet.of(Role.APPROVER))));
			}
		});
	}
}
