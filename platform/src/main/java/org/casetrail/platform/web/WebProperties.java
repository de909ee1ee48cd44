package org.casetrail.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxBody the largest request body any endpoint accepts */
@ConfigurationProperties("casetrail.web")
public record WebProperties(@DefaultValue("64KB") DataSize maxBody) {
}
