package dev.homeenergy.device.sunpower;

/**
 * One element of {@code Get_Comm}'s {@code networkstatus.interfaces[]}; absent keys are empty.
 *
 * @param name {@code interface}: {@code wan}, {@code plc}, {@code sta0}, {@code cell}
 * @param internet {@code up} or {@code down}
 * @param sms {@code reachable} or {@code unreachable}
 */
public record CommInterface(String name, String internet, String sms) {}
