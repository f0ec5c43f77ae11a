package no.tilpass.server;

import no.tilpass.server.catalogue.Catalogue;
import no.tilpass.server.configuration.Configurations;
import no.tilpass.server.db.Database;
import no.tilpass.server.order.Orders;
import no.tilpass.server.production.CuttingPlans;
import no.tilpass.server.production.Production;

/** The services behind the API, wired once per server. */
public record Platform(
        Database database,
        Catalogue catalogue,
        Configurations configurations,
        Orders orders,
        Production production,
        CuttingPlans cuttingPlans) {}
