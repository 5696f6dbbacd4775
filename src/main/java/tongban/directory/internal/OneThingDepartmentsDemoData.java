package tongban.directory.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.directory.domain.Department;
import tongban.directory.domain.DepartmentRepository;
import tongban.shared.DemoData;
import tongban.shared.Uscc;

/**
 * The body the 残疾人服务一件事 needs besides the demo government (issue #19): 西湖区残疾人联合会, which issues the 残疾人证
 * under the 残疾人证管理办法. It is a people's organisation (群团组织) whose staffing the 机构编制 office manages, hence
 * a made-up code of category 13 (GB 32100: 登记管理部门 1 机构编制, 机构类别 3). Utility companies are deliberately not
 * added: they are not government departments (decision 0034).
 */
@Component
@Order(11)
class OneThingDepartmentsDemoData implements ApplicationRunner {

	static final String DISABLED_PERSONS_FEDERATION = "XH-CL";

	private final DemoData demo;
	private final DepartmentRepository departments;

	OneThingDepartmentsDemoData(DemoData demo, DepartmentRepository departments) {
		this.demo = demo;
		this.departments = departments;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("directory-one-thing", () -> {
			if (departments.findByCode(DISABLED_PERSONS_FEDERATION).isEmpty()) {
				String first17 = "13" + DirectoryDemoData.DEMO_REGION + "MB" + "1099431";
				departments.save(new Department(DISABLED_PERSONS_FEDERATION, "杭州市西湖区残疾人联合会", "区残联", new Uscc(first17 + Uscc.checkCharacter(first17)),
						DirectoryDemoData.DEMO_REGION, null, "0571-87166006", null, "杭州市西湖区（演示地址）"));
			}
		});
	}
}
