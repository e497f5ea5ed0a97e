package dev.storefront.platform.log;

import java.util.Map;
import org.slf4j.event.Level;

/** Turns one logging event into one line (without its line separator). */
interface LineFormat {

    /**
     * @param context the MDC fields, or null when there are none
     * @param error the throwable logged with the event, or null
     */
    String line(Level level, String logger, String message, Map<String, String> context, Throwable error);
}
