package dev.homeenergy.core;

import dev.homeenergy.config.NamingStyle;
import java.time.Duration;

/**
 * One simulated device the demo runs.
 *
 * @param name device name in the demo config
 * @param scenario simulator scenario
 * @param naming naming the demo exports it under
 * @param speed how much faster than real time the simulator's clock runs
 * @param interval polling interval in the demo
 */
public record DemoDevice(
    String name, String scenario, NamingStyle naming, double speed, Duration interval) {}
