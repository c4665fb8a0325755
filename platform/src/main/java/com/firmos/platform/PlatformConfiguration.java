package com.firmos.platform;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Wires the event-processing infrastructure into an application: its components are found by scanning. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class PlatformConfiguration {
}
