package tongban.licence.internal;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.identity.IdentityManagement;
import tongban.licence.HeldLicences;
import tongban.licence.LicenceManagement;
import tongban.seal.SealManagement;
import tongban.shared.DemoData;
import tongban.shared.IdNumber;

/**
 * Demo licences for 用证: the demo citizen 李娜 holds her 结婚证 (with 王小明) and her 居民户口簿, sealed by the demo
 * seals of 民政 and 公安, so that the 新生儿出生 bundle can take them from her wallet.
 */
@Component
@Order(50)
class LicenceDemoData implements ApplicationRunner {

	static final String LI_NA = "33010619920808002" + IdNumber.checkCharacter("33010619920808002");
	static final String WANG_XIAOMING = "33010619900101001" + IdNumber.checkCharacter("33010619900101001");

	private final DemoData demo;
	private final IdentityManagement identity;
	private final LicenceManagement licences;
	private final HeldLicences held;

	LicenceDemoData(DemoData demo, IdentityManagement identity, LicenceManagement licences, HeldLicences held) {
		this.demo = demo;
		this.identity = identity;
		this.licences = licences;
		this.held = held;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled()) {
			return;
		}
		identity.citizenByIdNumber(LI_NA).filter(a -> held.wallet(a.id()).isEmpty()).ifPresent(a -> {
			issue(a.id(), "330106-QR-0006-01", "XH-MZ", Map.of("femaleName", a.displayName(), "femaleId", LI_NA, "maleName", "王小明", "maleId",
					WANG_XIAOMING));
			issue(a.id(), "330106-QR-0001-01", "XH-GA", Map.of("motherName", a.displayName(), "motherId", LI_NA, "babyName", "", "birthDate", ""));
		});
	}

	private void issue(UUID holder, String item, String department, Map<String, Object> values) {
		var sealer = new SealManagement.Sealer(null, "演示数据", department, Set.of("APPROVER"), true);
		licences.issue(new LicenceManagement.Issue(null, item, department, "330106", holder, values, holder), sealer);
	}
}
