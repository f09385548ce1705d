"""The public newsletter: consent-tracked subscriptions and campaigns."""
