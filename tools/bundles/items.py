# Items, forms, bundles and prefill entries of issue 19 §3 (高效办成一件事), appended to the data files without
# reformatting them (each file is written back with the indent it already has). Run once: python3 tools/bundles/items.py
import json, pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2] / "src/main/resources/data"
HOURS = "周一至周五 9:00-12:00，13:30-17:00（法定节假日除外）"
HALL = "杭州市西湖区政务服务中心（演示地址）"


def mat(name, source="APPLICANT", necessity="REQUIRED", form="BOTH", note=None, licence=None, standard="", basis="", copies=None):
    gov = source == "GOVERNMENT"
    return {"name": name, "form": "ELECTRONIC" if gov else form, "necessity": necessity,
            "copies": 0 if gov else (1 if copies is None else copies), "size": "" if gov else "A4", "source": source,
            "sourceNote": note or ("申请人自备" if source == "APPLICANT" else ""), "licenceType": licence,
            "standard": standard, "legalBasis": basis}


ID_CARD = mat("申请人居民身份证", "GOVERNMENT", note="公安机关核发，通过电子证照库调取，现场办理时核验原件", licence="居民身份证", standard="有效期内")
LICENCE = mat("营业执照", "GOVERNMENT", note="市场监管部门核发，通过电子营业执照或电子证照库获取", licence="营业执照", standard="在有效期内，登记状态为存续")
PREMISES = mat("用电（用水、用气、宽带）地址的房屋产权证明或租赁合同", standard="产权证明、不动产登记信息或租赁合同均可；工程项目可提交建设工程规划许可证")


def item(code, name, dept, party, typ, basis, conditions, steps, statutory, promised, immediate, materials, result_type, result_name,
         address, phone, main=None, sub=None, aliases=(), keywords=(), themes=(), faq=(), fees=(), depth=4, visits=0, visit_reason=None,
         forms=("ONLINE", "WINDOW"), level="COUNTY", special="", scope="全市通办", base=None):
    return {"code": code, "baseCode": base, "mainItem": main or name, "subItem": sub or name, "name": name, "aliases": list(aliases),
            "keywords": list(keywords), "type": typ, "department": dept, "servedParty": party, "themes": list(themes), "exerciseLevel": level,
            "legalBasis": basis, "conditions": conditions, "steps": steps, "specialProcedures": special, "statutoryLimit": statutory,
            "promisedLimit": promised, "limitUnit": "WORKING_DAY", "immediate": immediate, "handlingForms": list(forms),
            "requiredVisits": visits, "visitReason": visit_reason, "onlineDepth": depth, "inHall": True,
            # the platform books no appointments, delivers nothing by courier, takes no payment and runs no kiosk for these
            "appointment": False, "delivery": False, "onlinePayment": False, "selfService": False, "scope": scope,
            "address": address, "hours": HOURS, "consultPhone": phone, "complaintPhone": "12345", "resultType": result_type,
            "resultName": result_name, "fees": list(fees), "faq": [{"q": q, "a": a} for q, a in faq], "materials": materials}


CITIZEN, COMPANY = ["CITIZEN"], ["LEGAL_PERSON"]
UTILITY = ("报装由供水、供电、供气和通信企业（公用企业，不是政府部门）办理，不属于行政权力事项。区政务服务中心公用事业服务专区代为收件，"
           "转交企业并登记企业的办理结果；办理时限是企业公开的服务承诺，不是法定时限，费用由企业按价格主管部门核定的标准收取。")

ITEMS = [
    item("330106-GG-0018-01", "老年人优待证办理", "XH-MZ", CITIZEN, "GG",
         "《中华人民共和国老年人权益保障法》第五章（社会优待）；《浙江省优待老年人规定》；浙江省民政厅等部门《关于扩大老年优待凭证加快老年优待证办理的通知》（2018年）",
         "本省常住、年满60周岁的老年人，不分性别、职业、民族和宗教信仰，均可申领。身份证、户口簿、市民卡、驾驶证等能证明年龄的证件在省内同样可以享受优待，优待证按本人需要办理。",
         ["申请", "受理", "审核", "制证", "办结"], 1, 1, True,
         [ID_CARD, mat("本人近期一寸彩色照片", form="ELECTRONIC", copies=0, standard="底色不限，五官清晰")],
         "CERTIFICATE", "浙江省老年人优待证", HALL + "民政窗口 M01-M04号", "0571-87165005",
         main="老年人优待", aliases=["老年证", "老人优待证", "敬老卡"], keywords=["老年人", "60周岁", "优待", "乘车", "景区"],
         themes=["退休养老"], faq=[("没有优待证还能享受优待吗？", "可以。在浙江持身份证、户口簿、市民卡、驾驶证等能证明年龄的证件即可享受同等优待。"),
                                ("外地老人在本区能办吗？", "本省常住的老年人都可申领；外地来浙的老年人持本人证件即可享受与本省老年人相同的优待。")],
         base="200060018001"),
    item("330106-GG-0019-01", "企业年度报告公示", "XH-SCJG", COMPANY, "GG",
         "《企业信息公示暂行条例》（国务院令第654号，2024年3月国务院令第777号修订）第八条、第九条",
         "企业应当于每年1月1日至6月30日报送上一年度年度报告并向社会公示；当年设立登记的企业，自下一年起报送。年度报告中的从业人数、资产总额、营业总收入、纳税总额等信息，由企业选择是否向社会公示。未按期公示的企业将被列入经营异常名录。",
         ["填报", "公示"], 0, 0, True,
         [LICENCE, mat("企业年度报告", form="ELECTRONIC", copies=0, standard="在线填报，内容真实、及时；对其真实性、合法性负责", basis="《企业信息公示暂行条例》第九条")],
         "DOCUMENT", "年度报告公示信息", HALL + "商事登记与准营区 A01-A12号窗口", "0571-87161001",
         main="企业信息公示", aliases=["年报", "企业年报", "工商年报"], keywords=["年度报告", "经营异常名录", "信用公示"],
         themes=["经营纳税"], depth=4, forms=("ONLINE",),
         faq=[("错过6月30日怎么办？", "会被列入经营异常名录。补报年度报告并公示后，可申请移出经营异常名录。"),
              ("资产、收入这些也要公开吗？", "由企业自行选择是否向社会公示，但都应如实报送。")],
         base="010030019001"),
    # 企业信息变更一件事
    item("330106-GG-0041-01", "税务登记信息变更", "XH-SW", COMPANY, "GG",
         "《中华人民共和国税收征收管理法》第十六条；《税务登记管理办法》第二十条",
         "已在市场监管部门办理变更登记的企业，自变更之日起30日内向主管税务机关报告变更；登记信息由市场监管部门共享的，只需确认或补充其他涉税信息（如财务负责人、办税人员、核算方式）。",
         ["申请", "受理", "办结"], 0, 0, True,
         [LICENCE, mat("涉税信息变更内容说明", form="ELECTRONIC", copies=0, standard="写明变更的涉税事项和变更后的内容")],
         "CONCLUSION", "涉税信息变更结果", HALL + "税务区 S01-S08号窗口", "12366",
         main="变更税务登记", aliases=["税务变更", "变更税务登记"], keywords=["税务登记", "财务负责人", "办税人员"], themes=["经营纳税"],
         base="140010041001"),
    item("330106-GG-0042-01", "单位社会保险登记变更", "XH-RLSB", COMPANY, "GG",
         "《中华人民共和国社会保险法》第五十七条；《社会保险经办条例》",
         "用人单位的社会保险登记事项（名称、住所、法定代表人、开户银行等）发生变更的，应当自变更之日起30日内到社会保险经办机构办理变更登记；市场监管部门共享的信息同步更新。",
         ["申请", "受理", "审核", "办结"], 5, 5, False,
         [LICENCE, mat("单位社会保险登记变更申请表", form="ELECTRONIC", copies=0, standard="在线填报")],
         "CONCLUSION", "社会保险登记变更结果", HALL + "人力社保区 D01-D10号窗口", "12333",
         main="社会保险登记", aliases=["社保变更", "单位社保信息变更"], keywords=["社会保险登记", "参保单位"], themes=["社会保障"],
         base="070020042001"),
    item("330106-GG-0043-01", "单位医疗保险参保信息变更", "XH-YB", COMPANY, "GG",
         "《中华人民共和国社会保险法》第五十七条；《社会保险经办条例》",
         "参保单位的名称、地址、法定代表人、联系人等信息发生变化的，应当自变更之日起30日内办理医疗保险参保信息变更。",
         ["申请", "受理", "审核", "办结"], 5, 5, False,
         [LICENCE, mat("参保单位信息变更登记表", form="ELECTRONIC", copies=0, standard="在线填报")],
         "CONCLUSION", "参保信息变更结果", HALL + "医保区 Y01-Y06号窗口", "0571-12393",
         main="参保单位登记", aliases=["医保单位变更"], keywords=["医保", "参保单位", "变更"], themes=["社会保障"], base="080010043001"),
    # 退休一件事
    item("330106-GG-0044-01", "职工基本医疗保险退休人员待遇核定", "XH-YB", CITIZEN, "GG",
         "《中华人民共和国社会保险法》第二十七条",
         "参加职工基本医疗保险、办理退休手续的人员，累计缴费年限达到本省规定年限的，退休后不再缴纳基本医疗保险费，享受退休人员医保待遇；不足的可按规定一次性或逐年补缴。",
         ["申请", "受理", "审核", "办结"], 5, 5, False,
         [ID_CARD, mat("退休审批结果", "GOVERNMENT", note="人力社保部门核发，通过数据共享获取", standard="已办理退休")],
         "CONCLUSION", "退休人员医保待遇核定结果", HALL + "医保区 Y01-Y06号窗口", "0571-12393",
         main="医保待遇核定", aliases=["退休医保", "医保缴费年限核定"], keywords=["退休", "医保", "缴费年限"], themes=["退休养老", "社会保障"],
         base="080020044001"),
    # 教育入学一件事
    item("330106-GG-0045-01", "入学儿童预防接种证查验", "XH-WJ", CITIZEN, "GG",
         "《中华人民共和国疫苗管理法》第四十八条",
         "儿童入托、入学时须查验预防接种证；未按规定接种的，由接种单位在入学前后为其补种。已在本省免疫规划信息系统留有接种记录的，可在线查验。",
         ["申请", "查验", "办结"], 3, 3, False,
         [mat("儿童预防接种证", form="ELECTRONIC", copies=0, standard="拍照上传记录页；纸质证遗失的可由接种单位查询补记")],
         "CONCLUSION", "预防接种证查验结果", HALL + "卫生健康窗口 W01-W04号", "0571-87164004",
         main="预防接种证查验", aliases=["入学查验接种证", "接种证查验"], keywords=["疫苗", "入学", "接种证"], themes=["教育", "医疗卫生"],
         base="200050045001"),
    # 残疾人服务一件事
    item("330106-GG-0046-01", "残疾人证新办", "XH-CL", CITIZEN, "GG",
         "《中华人民共和国残疾人保障法》第二条；《中华人民共和国残疾人证管理办法》；《残疾人残疾分类和分级》（GB/T 26341-2010）",
         "户籍在本区、符合残疾标准的视力、听力、言语、肢体、智力、精神及多重残疾人可申领。残疾类别和等级由残联指定的医疗机构评定；评定所用时间不计入办理时限。",
         ["申请", "受理", "残疾评定", "审核", "办结", "发证"], 10, 10, False,
         [ID_CARD, mat("居民户口簿", "GOVERNMENT", note="公安机关核发，通过户籍信息共享核验", licence="居民户口簿"),
          mat("本人近期二寸彩色照片", form="ELECTRONIC", copies=0, standard="白色背景，免冠正面")],
         "CERTIFICATE", "中华人民共和国残疾人证", HALL + "残联窗口 C01-C02号", "0571-87166006",
         main="残疾人证办理", sub="残疾人证新办", aliases=["办残疾证", "残疾证申请"], keywords=["残疾人", "残疾评定", "残联"],
         themes=["社会救助"], special="残疾评定（不计入办理时限）",
         faq=[("残疾评定要去哪里？", "受理后残联会告知指定的评定医院和时间，评定不收费。"),
              ("办证要花钱吗？", "不收取任何费用。")], base="200090046001"),
    # 水电气网联合报装一件事
    item("330106-GG-0047-01", "用电报装（低压非居民）", "XH-ZWFW", COMPANY, "GG",
         "《电力供应与使用条例》；《供电营业规则》（2024年国家发展改革委令第14号）；" + "《国家发展改革委 国家能源局关于全面提升“获得电力”服务水平 持续优化用电营商环境的意见》（发改能源规〔2020〕1479号）",
         "新装或增容低压用电的企业和个体经营者。" + UTILITY,
         ["申请", "代收转交", "现场勘查", "装表接电", "登记结果"], 5, 5, False, [LICENCE, PREMISES],
         "CONCLUSION", "供电企业装表接电结果", HALL + "公用事业服务专区 G01-G04号窗口（供电企业进驻）", "95598",
         main="用电报装", aliases=["申请用电", "装电表", "新装电"], keywords=["供电", "电表", "增容"], themes=["工程建设"],
         special="现场勘查（企业服务承诺）", base="200110047001"),
    item("330106-GG-0048-01", "用水报装", "XH-ZWFW", COMPANY, "GG",
         "《城市供水条例》；《杭州市城市供水管理条例》",
         "新建、改建、扩建工程或经营场所需要接入城市公共供水的单位和个人。" + UTILITY,
         ["申请", "代收转交", "现场勘查", "施工通水", "登记结果"], 5, 5, False, [LICENCE, PREMISES],
         "CONCLUSION", "供水企业接水通水结果", HALL + "公用事业服务专区 G01-G04号窗口（供水企业进驻）", "0571-85195555",
         main="用水报装", aliases=["申请用水", "装水表"], keywords=["供水", "水表", "接水"], themes=["工程建设"],
         special="现场勘查（企业服务承诺）", base="200110048001"),
    item("330106-GG-0049-01", "用气报装（非居民）", "XH-ZWFW", COMPANY, "GG",
         "《城镇燃气管理条例》；《浙江省燃气管理条例》",
         "需要接入管道燃气的餐饮、工商业用户。用气场所应符合燃气安全要求。" + UTILITY,
         ["申请", "代收转交", "现场勘查和安全检查", "施工通气", "登记结果"], 10, 10, False, [LICENCE, PREMISES],
         "CONCLUSION", "燃气企业通气结果", HALL + "公用事业服务专区 G01-G04号窗口（燃气企业进驻）", "96777",
         main="用气报装", aliases=["申请燃气", "装燃气", "开通天然气"], keywords=["燃气", "天然气", "管道气"], themes=["工程建设"],
         special="现场勘查和安全检查（企业服务承诺）", base="200110049001"),
    item("330106-GG-0050-01", "宽带报装（企业）", "XH-ZWFW", COMPANY, "GG",
         "《中华人民共和国电信条例》",
         "需要接入宽带网络的企业和经营场所。" + UTILITY,
         ["申请", "代收转交", "现场勘查", "装机开通", "登记结果"], 5, 5, False, [LICENCE, PREMISES],
         "CONCLUSION", "通信企业宽带开通结果", HALL + "公用事业服务专区 G01-G04号窗口（通信企业进驻）", "10000",
         main="宽带报装", aliases=["装宽带", "开通宽带", "企业专线"], keywords=["宽带", "网络", "光纤"], themes=["工程建设"],
         special="现场勘查（企业服务承诺）", base="200110050001"),
    item("330106-XK-0040-01", "占用、挖掘城市道路审批", "XH-ZJ", COMPANY, "XK",
         "《城市道路管理条例》第三十条、第三十一条、第三十三条；《中华人民共和国行政许可法》第四十二条",
         "因接水、接电、接气、接入通信线路等工程建设需要临时占用或挖掘城市道路的单位。经批准后应按批准的位置、面积和期限施工，竣工后及时恢复路面；影响交通安全的还须征得公安交通管理部门同意。",
         ["申请", "受理", "审核", "审批", "办结", "送达"], 20, 5, False,
         [LICENCE, mat("占用、挖掘城市道路申请表", form="ELECTRONIC", copies=0, standard="在线填报"),
          mat("施工图及占用、挖掘位置示意图", standard="标明路段、面积和施工期限"),
          mat("城市规划部门批准文件", "OTHER", necessity="OPTIONAL", note="新建管线工程涉及规划许可的提交", standard="建设工程规划许可证或批准文件")],
         "DOCUMENT", "占用、挖掘城市道路许可决定书", HALL + "住房建设区 J01-J04号窗口", "0571-87163003",
         main="城市道路占用挖掘许可", aliases=["挖路审批", "掘路许可", "占道施工"], keywords=["挖掘道路", "占道", "管线接入"], themes=["工程建设"],
         faq=[("接水接电都要挖同一段路，要申请几次？", "在水电气网联合报装中一次申请即可，各管线单位的挖掘合并审批。")], base="090030040001"),
    # 身后一件事
    item("330106-GG-0051-01", "职工医保参保人员死亡注销及个人账户继承", "XH-YB", CITIZEN, "GG",
         "《中华人民共和国社会保险法》第二十三条；《国务院关于建立城镇职工基本医疗保险制度的决定》（国发〔1998〕44号）",
         "职工基本医疗保险参保人员去世后，由其家属申请注销医保关系，个人账户余额由继承人依法继承。",
         ["申请", "受理", "审核", "办结"], 5, 5, False,
         [mat("居民死亡医学证明（推断）书", "GOVERNMENT", note="医疗卫生机构出具，通过数据共享获取", licence="居民死亡医学证明（推断）书"),
          mat("经办人与逝者的亲属关系证明", standard="可用户口簿、结婚证、出生医学证明或亲属关系声明"), ID_CARD],
         "CONCLUSION", "医保关系注销及个人账户余额支付结果", HALL + "医保区 Y01-Y06号窗口", "0571-12393",
         main="医保关系注销", aliases=["医保销户", "医保卡余额继承"], keywords=["去世", "医保", "个人账户", "继承"], themes=["身后事"],
         base="080030051001"),
    item("330106-QR-0011-01", "不动产转移登记（继承、受遗赠）", "XH-GHZY", CITIZEN, "QR",
         "《中华人民共和国民法典》第二百三十条；《不动产登记暂行条例》第十四条；《不动产登记暂行条例实施细则》第十四条",
         "因继承、受遗赠取得不动产的，由继承人或受遗赠人申请。须提交死亡证明、亲属关系证明和继承权公证书、生效法律文书，或由全部法定继承人到场签署继承（放弃继承）声明。",
         ["申请", "受理", "审核", "公示", "办结"], 30, 10, False,
         [mat("不动产权证书", "GOVERNMENT", note="不动产登记机构核发，通过不动产登记信息核验", licence="不动产权证书"),
          mat("居民死亡医学证明（推断）书", "GOVERNMENT", note="医疗卫生机构出具，通过数据共享获取", licence="居民死亡医学证明（推断）书"),
          mat("经办人与逝者的亲属关系证明", standard="可用户口簿、结婚证、出生医学证明或亲属关系声明"),
          mat("继承权公证书、生效法律文书或全部法定继承人签署的继承（放弃继承）声明", standard="未办理公证的，全部法定继承人须到场签署并核验身份")],
         "CERTIFICATE", "不动产权证书", "杭州市不动产登记服务中心西湖分中心（演示地址），设于西湖区政务服务中心B区", "0571-87160010",
         main="不动产登记", sub="国有建设用地使用权及房屋所有权转移登记（继承、受遗赠）", aliases=["房产继承", "继承过户"],
         keywords=["继承", "遗产", "不动产权证"], themes=["身后事", "住房"], depth=3, visits=1,
         visit_reason="未办理继承权公证的，全部法定继承人须到窗口核验身份并签署继承（放弃继承）声明", special="公示（不计入办理时限）",
         level="CITY", fees=[{"item": "不动产登记费（住宅）", "standard": "80元/件，含第一本不动产权证书工本费",
                              "basis": "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）"}],
         base="070110011001"),
]


def field(key, label, typ="TEXT", required=True, **more):
    f = {"key": key}
    if "applicant" in more:
        f["applicant"] = more.pop("applicant")
    f.update({"label": label, "type": typ, "required": required})
    f.update(more)
    return f


# fields that several items ask: one key, one type, one list of options everywhere (the combined form asks each once)
NAME = field("name", "申请人姓名", applicant="NAME", maxLength=30)
ID = field("idNumber", "申请人公民身份号码", "ID_NUMBER", applicant="ID_NUMBER")
PHONE = field("phone", "联系电话", "PHONE", applicant="PHONE", hint="用于接收办理进度短信")
HOUSEHOLD = field("householdAddress", "户籍地址", maxLength=120, hint="可由公安户籍信息经您同意后填入")
GENDER = field("gender", "性别", maxLength=2, hint="可由公安户籍信息经您同意后填入")
BIRTH = field("birthDate", "出生日期", "DATE", hint="可由公安户籍信息经您同意后填入")
BANK = field("bank", "服务银行", "SELECT", options=["中国工商银行", "中国农业银行", "中国银行", "中国建设银行", "杭州银行"])
USCC = field("uscc", "统一社会信用代码", "USCC")
ENTITY = field("entityName", "企业名称", maxLength=100)
LEGAL = field("legalName", "法定代表人（负责人）姓名", maxLength=30)
CONTACT = field("contactName", "联系人姓名", maxLength=30)
CONTACT_PHONE = field("contactPhone", "联系人电话", "PHONE")
SITE = field("siteAddress", "报装地址", "ADDRESS", hint="写到门牌号")
CHANGE_DATE = field("changeDate", "变更登记日期", "DATE")
CHANGE_WHAT = field("changeItems", "变更事项及变更后的内容", "TEXTAREA", maxLength=500, hint="例如：住所由××变更为××")
DISABILITY = field("disabilityType", "残疾类别", "SELECT", options=["视力残疾", "听力残疾", "言语残疾", "肢体残疾", "智力残疾", "精神残疾", "多重残疾"])
CHILD_NAME = field("childName", "儿童姓名", maxLength=30)
CHILD_ID = field("childId", "儿童公民身份号码", "ID_NUMBER")
CHILD_BIRTH = field("childBirthDate", "儿童出生日期", "DATE")
SCHOOL = field("school", "报名学校", maxLength=60)
DECEASED = field("deceasedName", "逝者姓名", maxLength=30)
DECEASED_ID = field("deceasedId", "逝者公民身份号码", "ID_NUMBER")
DEATH_DATE = field("deathDate", "死亡日期", "DATE")
RELATION = field("relation", "您与逝者的关系", "SELECT", options=["配偶", "子女", "父母", "其他近亲属"])
EMPLOYER = field("employer", "参保单位", maxLength=100, hint="可由社会保险参保信息经您同意后填入")
SINCE = field("insuredSince", "参保起始日期", "DATE", hint="可由社会保险参保信息经您同意后填入")
RETIRE_DATE = field("retireDate", "申请退休日期", "DATE")

FORMS = {
    "330106-GG-0018-01": [NAME, ID, PHONE, BIRTH, HOUSEHOLD,
                          field("photo", "本人近期一寸彩色照片", "FILE", accept=["jpg", "png"], maxSizeMb=2),
                          field("pickup", "领取方式", "SELECT", options=["窗口领取", "社区（村）代领"])],
    "330106-GG-0019-01": [USCC, ENTITY, field("reportYear", "报告年度", "NUMBER", min=2000, max=2100),
                          field("mailAddress", "企业通信地址", "ADDRESS"), CONTACT_PHONE, field("email", "电子邮箱", required=False, maxLength=80),
                          field("operating", "经营状态", "SELECT", options=["开业", "歇业", "清算"]),
                          field("employees", "从业人数", "NUMBER", min=0, max=1000000),
                          field("revenue", "营业总收入（万元）", "NUMBER", min=0, max=100000000),
                          field("taxPaid", "纳税总额（万元）", "NUMBER", min=0, max=100000000),
                          field("publishFinancials", "是否公示从业人数和财务信息", "SELECT", options=["公示", "不公示"])],
    # 企业信息变更一件事
    "330106-XK-0003-02": [USCC, ENTITY, LEGAL, CONTACT, CONTACT_PHONE, CHANGE_WHAT,
                          field("newAddress", "变更后的住所", "ADDRESS", required=False, hint="住所变更时填写")],
    "330106-GG-0041-01": [USCC, ENTITY, LEGAL, CONTACT, CONTACT_PHONE, CHANGE_DATE, CHANGE_WHAT,
                          field("financeName", "财务负责人姓名", required=False, maxLength=30)],
    "330106-GG-0042-01": [USCC, ENTITY, LEGAL, CONTACT, CONTACT_PHONE, CHANGE_DATE, CHANGE_WHAT],
    "330106-GG-0043-01": [USCC, ENTITY, LEGAL, CONTACT, CONTACT_PHONE, CHANGE_DATE, CHANGE_WHAT],
    # 退休一件事
    "330106-QR-0004-01": [NAME, ID, PHONE, GENDER, BIRTH, HOUSEHOLD, EMPLOYER, SINCE,
                          field("retireType", "退休类型", "SELECT", options=["到达法定退休年龄", "弹性提前退休", "弹性延迟退休"]),
                          RETIRE_DATE, BANK],
    "330106-GG-0044-01": [NAME, ID, PHONE, EMPLOYER, SINCE, RETIRE_DATE,
                          field("medicalYears", "职工医保累计缴费年限（年）", "NUMBER", min=0, max=60, hint="不清楚的可填大致年数，以经办机构核定为准")],
    # 教育入学一件事
    "330106-GG-0006-01": [NAME, ID, PHONE, HOUSEHOLD, CHILD_NAME, CHILD_ID, CHILD_BIRTH,
                          field("guardian", "您与儿童的关系", "SELECT", options=["父亲", "母亲", "其他监护人"]),
                          field("grade", "报名学段", "SELECT", options=["小学一年级", "初中一年级"]),
                          field("basis", "报名依据", "SELECT", options=["本区户籍且有房产", "本区户籍无房产", "新居民随迁子女"]),
                          field("propertyCertificate", "房产证号", required=False, maxLength=60, hint="有房产的填写；可由不动产登记信息经您同意后填入"),
                          field("propertyAddress", "房产地址", required=False, maxLength=120), SCHOOL],
    "330106-GG-0045-01": [NAME, ID, PHONE, CHILD_NAME, CHILD_ID, CHILD_BIRTH, SCHOOL,
                          field("vaccinationPlace", "建卡的接种单位", required=False, maxLength=60)],
    # 残疾人服务一件事
    "330106-GG-0046-01": [NAME, ID, PHONE, HOUSEHOLD, DISABILITY,
                          field("guardianName", "监护人或代理人姓名", required=False, maxLength=30, hint="智力、精神残疾或未成年人由监护人代为申请时填写")],
    "330106-GF-0006-01": [NAME, ID, PHONE, HOUSEHOLD, DISABILITY,
                          field("subsidy", "申请的补贴", "SELECT", options=["困难残疾人生活补贴", "重度残疾人护理补贴", "两项都申请"]),
                          field("lowIncome", "是否为低保或低保边缘家庭", "SELECT", options=["是", "否"])],
    # 水电气网联合报装一件事
    "330106-GG-0047-01": [USCC, ENTITY, CONTACT, CONTACT_PHONE, SITE, field("powerLoad", "用电容量（千瓦）", "NUMBER", min=1, max=10000)],
    "330106-GG-0048-01": [USCC, ENTITY, CONTACT, CONTACT_PHONE, SITE,
                          field("waterUse", "用水性质", "SELECT", options=["非居民生活用水", "特种行业用水", "消防用水"])],
    "330106-GG-0049-01": [USCC, ENTITY, CONTACT, CONTACT_PHONE, SITE, field("gasLoad", "用气量（立方米/小时）", "NUMBER", min=1, max=10000)],
    "330106-GG-0050-01": [USCC, ENTITY, CONTACT, CONTACT_PHONE, SITE,
                          field("bandwidth", "宽带带宽", "SELECT", options=["300M", "500M", "1000M", "专线"])],
    "330106-XK-0040-01": [USCC, ENTITY, LEGAL, CONTACT, CONTACT_PHONE, SITE,
                          field("roadSection", "占用、挖掘的道路路段", maxLength=100),
                          field("digArea", "占用、挖掘面积（平方米）", "NUMBER", min=1, max=100000),
                          field("digFrom", "施工开始日期", "DATE"), field("digTo", "施工结束日期", "DATE")],
    # 身后一件事
    "330106-QR-0001-02": [NAME, ID, PHONE, DECEASED, DECEASED_ID, DEATH_DATE, RELATION],
    "330106-GF-0002-01": [NAME, ID, PHONE, HOUSEHOLD, DECEASED, DECEASED_ID, DEATH_DATE, RELATION, BANK],
    "330106-GG-0051-01": [NAME, ID, PHONE, DECEASED, DECEASED_ID, DEATH_DATE, RELATION],
    "330106-QR-0011-01": [NAME, ID, PHONE, DECEASED, DECEASED_ID, DEATH_DATE, RELATION,
                          field("propertyCertificate", "房产证号", maxLength=60),
                          field("propertyAddress", "房产地址", maxLength=120),
                          field("heirs", "法定继承人人数", "NUMBER", min=1, max=50)],
}

BUNDLES = [
    ("XH-YJS-SCHOOL", "教育入学一件事", "一次申请，办好义务教育入学报名和入学儿童预防接种证查验；户籍、房产信息经您同意后由部门核验。", "CITIZEN",
     ["330106-GG-0006-01", "330106-GG-0045-01"]),
    ("XH-YJS-COMPANY-CHANGE", "企业信息变更一件事", "一次申请，办好营业执照变更，并同步变更税务、社会保险和医疗保险的单位登记信息。", "LEGAL_PERSON",
     ["330106-XK-0003-02", "330106-GG-0041-01", "330106-GG-0042-01", "330106-GG-0043-01"]),
    ("XH-YJS-RETIRE", "退休一件事", "一次申请，办好职工正常退休和退休人员医保待遇核定；户籍和参保信息经您同意后自动填入。", "CITIZEN",
     ["330106-QR-0004-01", "330106-GG-0044-01"]),
    ("XH-YJS-DISABLED", "残疾人服务一件事", "一次申请，办理残疾人证，同时申请困难残疾人生活补贴和重度残疾人护理补贴。", "CITIZEN",
     ["330106-GG-0046-01", "330106-GF-0006-01"]),
    ("XH-YJS-UTILITIES", "水电气网联合报装一件事", "一次申请，同时报装用电、用水、用气和宽带，并办理接入工程所需的占用、挖掘城市道路审批。", "LEGAL_PERSON",
     ["330106-XK-0040-01", "330106-GG-0047-01", "330106-GG-0048-01", "330106-GG-0049-01", "330106-GG-0050-01"]),
    ("XH-YJS-POSTHUMOUS", "身后一件事", "家人去世后一次申请，办好死亡注销户口、丧葬补助金和抚恤金、医保关系注销和个人账户继承，以及房产继承登记。", "CITIZEN",
     ["330106-QR-0001-02", "330106-GF-0002-01", "330106-GG-0051-01", "330106-QR-0011-01"]),
]

# form key → register field, read for the applicant with their consent under the item department's grant
PREFILL = [
    {"item": "330106-QR-0004-01", "resource": "XH-GA-RK", "source": "公安户籍信息",
     "fields": {"gender": "gender", "birthDate": "birthDate", "householdAddress": "householdAddress"}},
    {"item": "330106-GG-0044-01", "resource": "XH-RLSB-SB", "source": "社会保险参保信息",
     "fields": {"employer": "employer", "insuredSince": "since"}},
    {"item": "330106-GG-0006-01", "resource": "XH-GHZY-BDC", "source": "不动产登记信息",
     "fields": {"propertyCertificate": "certificateNumber", "propertyAddress": "address"}},
    {"item": "330106-GG-0046-01", "resource": "XH-GA-RK", "source": "公安户籍信息", "fields": {"householdAddress": "householdAddress"}},
    {"item": "330106-GG-0041-01", "resource": "XH-SCJG-ZT", "source": "市场主体登记信息",
     "fields": {"uscc": "uscc", "entityName": "name", "legalName": "legalRepresentative"}},
    {"item": "330106-XK-0040-01", "resource": "XH-SCJG-ZT", "source": "市场主体登记信息",
     "fields": {"uscc": "uscc", "entityName": "name", "legalName": "legalRepresentative"}},
    {"item": "330106-GF-0002-01", "resource": "XH-GA-RK", "source": "公安户籍信息", "fields": {"householdAddress": "householdAddress"}},
    {"item": "330106-GG-0018-01", "resource": "XH-GA-RK", "source": "公安户籍信息",
     "fields": {"birthDate": "birthDate", "householdAddress": "householdAddress"}},
]


def write(path, data, indent):
    path.write_text(json.dumps(data, ensure_ascii=False, indent=indent), encoding="utf-8")


def main():
    items_path = ROOT / "catalog/demo-items.json"
    items = json.loads(items_path.read_text(encoding="utf-8"))
    known = {i["code"] for i in items["items"]}
    items["items"] += [i for i in ITEMS if i["code"] not in known]
    write(items_path, items, 2)

    forms_path = ROOT / "catalog/demo-forms.json"
    forms = json.loads(forms_path.read_text(encoding="utf-8"))
    for code, fields in FORMS.items():
        forms["forms"].setdefault(code, {"fields": fields})
    write(forms_path, forms, 1)

    bundles_path = ROOT / "catalog/bundles.json"
    bundles = json.loads(bundles_path.read_text(encoding="utf-8"))
    have = {b["code"] for b in bundles["bundles"]}
    # bundles.json keeps each bundle's items on one line: new bundles are written the same way before the closing brackets
    blocks = []
    for c, n, d, a, i in BUNDLES:
        if c not in have:
            blocks.append("    {\n" + "".join(f'      "{k}": {json.dumps(v, ensure_ascii=False)},\n' for k, v in
                                           (("code", c), ("name", n), ("description", d), ("audience", a)))
                          + f'      "items": {json.dumps(i, ensure_ascii=False)}\n    }}')
    if blocks:
        text = bundles_path.read_text(encoding="utf-8").rstrip()
        head = text[:text.rstrip("}").rstrip().rstrip("]").rstrip().rfind("}") + 1]
        bundles_path.write_text(head + ",\n" + ",\n".join(blocks) + "\n  ]\n}\n", encoding="utf-8")

    # prefill.json is hand-formatted: new entries go in as lines of their own before the closing bracket
    prefill_path = ROOT / "exchange/prefill.json"
    text = prefill_path.read_text(encoding="utf-8")
    present = {e["item"] for e in json.loads(text)}
    lines = [json.dumps(e, ensure_ascii=False) for e in PREFILL if e["item"] not in present]
    if lines:
        head, tail = text.rstrip().rsplit("]", 1)
        text = head.rstrip() + ",\n" + ",\n".join("  " + l for l in lines) + "\n]" + tail + "\n"
        prefill_path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
