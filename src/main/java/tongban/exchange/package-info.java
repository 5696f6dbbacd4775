/**
 * 数据共享: the government information resource catalogue (政务信息资源目录), access grants between departments, the
 * exchange API for department systems (client credentials; purpose and case number on every call; granted fields only;
 * a rate limit per client), every read recorded and shown to the person read ("谁查询了我的数据") who can report a read
 * to the region's supervisor. Records are kept encrypted (AES-GCM) and found by a keyed blind index of the subject's
 * ID number or USCC.
 */
@ApplicationModule(displayName = "Data exchange")
package tongban.exchange;

import org.springframework.modulith.ApplicationModule;
