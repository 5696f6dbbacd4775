/**
 * 线下与普惠服务: the service network in person. Appointments (预约) for slots of a point's window group on its working
 * days; queue numbers (取号) per point, day and series with calling (叫号) at windows and a display page fed by
 * server-sent events; the self-service kiosk mode (自助终端) with its card-reader and printer interfaces; 帮办代办 online
 * help and home visits (上门服务) for the elderly and disabled; delivery tracking of posted results and payment orders
 * through a payment-gateway interface; and the 图解 picture tutorials of items. Service points and their windows are
 * the directory's ({@code directory.ServicePoints}); hall provides the guide badges 可预约, 可自助办理 and 可网上缴费
 * through the catalogue's {@code CapabilityProvider} port. It listens to other modules' events after commit and calls
 * them only through their root APIs.
 */
@ApplicationModule(displayName = "Halls and assisted service")
package tongban.hall;

import org.springframework.modulith.ApplicationModule;
