"""Community ⇄ center synchronisation: HTTPS API (center), client, outbox/inbox."""
