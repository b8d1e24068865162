package dev.homeenergy.core;

/**
 * The parsed, typed result of one successful poll of a device. Each family has its own record;
 * its namings render it into samples, so the device is read once whatever the naming.
 */
public interface Reading {}
