package io.newsradar.sink;

/** One destination that did not take an alert, and why. */
public record DeliveryFailure(String destination, String reason) {}
