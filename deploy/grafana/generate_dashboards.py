#!/usr/bin/env python3
"""Generates deploy/grafana/dashboards/*.json. Edit here, run, commit both.

    python3 deploy/grafana/generate_dashboards.py

Every query uses metric names from docs/metrics.md (checked by DeployFilesTest).
"""
import json
import os

DS = {"type": "prometheus", "uid": "prometheus"}
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dashboards")
D = 'device=~"$device"'
KWH = "/ 3.6e6"


class Board:
    def __init__(self, uid, title, tags, family_type=None, extra_vars=(), links=True):
        self.uid, self.title, self.tags = uid, title, tags
        self.panels, self.next_id, self.x, self.y, self.row_h = [], 1, 0, 0, 0
        q = "label_values(home_energy_exporter_device_up, device)" if family_type is None else \
            'label_values(home_energy_exporter_device_up{type="%s"}, device)' % family_type
        self.vars = [variable("device", "Device", q)] + list(extra_vars)
        self.links = links

    def _place(self, w, h):
        if self.x + w > 24:
            self.x, self.y, self.row_h = 0, self.y + self.row_h, 0
        pos = {"h": h, "w": w, "x": self.x, "y": self.y}
        self.x += w
        self.row_h = max(self.row_h, h)
        return pos

    def row(self, title):
        if self.x:
            self.x, self.y, self.row_h = 0, self.y + self.row_h, 0
        self.panels.append({"type": "row", "title": title, "id": self._id(), "collapsed": False,
                            "gridPos": {"h": 1, "w": 24, "x": 0, "y": self.y}, "panels": []})
        self.y += 1

    def _id(self):
        i = self.next_id
        self.next_id += 1
        return i

    def panel(self, kind, title, targets, w=12, h=8, unit=None, desc=None, options=None,
              field=None, overrides=None, time_from=None, **extra):
        defaults = {"unit": unit} if unit else {}
        if kind in ("stat", "gauge", "bargauge"):
            defaults.setdefault("thresholds", {"mode": "absolute", "steps": [{"color": "green", "value": None}]})
            defaults["color"] = {"mode": "thresholds"}
        if kind == "timeseries":
            defaults["custom"] = {"drawStyle": "line", "lineWidth": 1, "fillOpacity": 10,
                                  "showPoints": "never", "spanNulls": False}
        if field:
            defaults.update(field)
        p = {"id": self._id(), "type": kind, "title": title, "datasource": DS,
             "gridPos": self._place(w, h),
             "fieldConfig": {"defaults": defaults, "overrides": overrides or []},
             "options": options or default_options(kind),
             "targets": [dict(t, refId=chr(ord("A") + i), datasource=DS) for i, t in enumerate(targets)]}
        if desc:
            p["description"] = desc
        if time_from:
            p["timeFrom"] = time_from
            p["hideTimeOverride"] = False
        p.update(extra)
        self.panels.append(p)

    def write(self):
        links = [{"title": "Home energy", "type": "dashboards", "tags": ["home-energy"], "asDropdown": True,
                  "includeVars": False, "keepTime": True, "icon": "external link", "targetBlank": False,
                  "tooltip": "", "url": ""}] if self.links else []
        doc = {
            "uid": self.uid, "title": self.title, "tags": ["home-energy"] + self.tags,
            "schemaVersion": 39, "version": 1, "editable": True, "graphTooltip": 1,
            "time": {"from": "now-24h", "to": "now"}, "refresh": "30s", "timezone": "browser",
            "timepicker": {}, "fiscalYearStartMonth": 0, "liveNow": False,
            "annotations": {"list": [{"builtIn": 1, "datasource": {"type": "grafana", "uid": "-- Grafana --"},
                                      "enable": True, "hide": True, "iconColor": "rgba(0, 211, 255, 1)",
                                      "name": "Annotations & Alerts", "type": "dashboard"}]},
            "links": links, "templating": {"list": self.vars}, "panels": self.panels,
        }
        path = os.path.join(OUT, self.uid.replace("home-energy-", "") + ".json")
        with open(path, "w") as f:
            json.dump(doc, f, indent=2)
            f.write("\n")


def variable(name, label, query):
    return {"name": name, "label": label, "type": "query", "datasource": DS,
            "query": {"query": query, "refId": "PrometheusVariableQueryEditor-VariableQuery", "qryType": 1},
            "definition": query, "refresh": 2, "includeAll": True, "multi": True, "allValue": ".*",
            "current": {"selected": True, "text": ["All"], "value": ["$__all"]},
            "sort": 1, "hide": 0, "options": [], "regex": "", "skipUrlSync": False}


def default_options(kind):
    if kind == "timeseries":
        return {"legend": {"displayMode": "list", "placement": "bottom", "showLegend": True},
                "tooltip": {"mode": "multi", "sort": "desc"}}
    if kind == "stat":
        return {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                "colorMode": "value", "graphMode": "area", "justifyMode": "auto", "orientation": "auto",
                "textMode": "auto", "wideLayout": True}
    if kind in ("gauge", "bargauge"):
        o = {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
             "orientation": "horizontal", "showThresholdLabels": False, "showThresholdMarkers": True}
        if kind == "bargauge":
            o.update({"displayMode": "gradient", "showUnfilled": True, "minVizHeight": 10, "minVizWidth": 0,
                      "valueMode": "color", "namePlacement": "auto", "sizing": "auto"})
        return o
    if kind == "table":
        return {"showHeader": True, "cellHeight": "sm", "footer": {"show": False, "reducer": ["sum"], "fields": ""}}
    if kind == "state-timeline":
        return {"mergeValues": True, "showValue": "auto", "alignValue": "left", "rowHeight": 0.9,
                "legend": {"displayMode": "list", "placement": "bottom", "showLegend": True},
                "tooltip": {"mode": "single", "sort": "none"}}
    return {}


def t(expr, legend="__auto", instant=False, fmt=None):
    tg = {"expr": expr, "legendFormat": legend, "range": not instant, "instant": instant, "editorMode": "code"}
    if fmt:
        tg["format"] = fmt
    return tg


def today(expr):
    """Energy since midnight in kWh from a joules counter (panel time range: today so far)."""
    return "sum(increase(%s[$__range])) %s" % (expr, KWH)


def health_panels(b, family):
    b.row("Exporter health")
    sel = '{type="%s",%s}' % (family, D) if family else "{%s}" % D
    b.panel("state-timeline", "Device up", [t("home_energy_exporter_device_up%s" % sel, "{{device}}")], w=12, h=6,
            field={"mappings": [{"type": "value", "options": {"0": {"text": "down", "color": "red"},
                                                              "1": {"text": "up", "color": "green"}}}],
                   "color": {"mode": "thresholds"},
                   "thresholds": {"mode": "absolute", "steps": [{"color": "red", "value": None}, {"color": "green", "value": 1}]}})
    b.panel("timeseries", "Poll errors by reason", [
        t("sum by (device, reason) (rate(home_energy_exporter_device_poll_errors_total%s[$__rate_interval])) * 60" % sel,
          "{{device}} {{reason}}")], w=6, h=6, unit="short", desc="Failed polls per minute")
    b.panel("timeseries", "Poll duration", [
        t("home_energy_exporter_device_poll_duration_seconds%s" % sel, "{{device}}")], w=6, h=6, unit="s")


# ---------------------------------------------------------------- home overview
def overview():
    b = Board("home-energy-overview", "Home energy overview", ["overview"])
    pw = lambda cat: 'powerwall_instant_power_watts{category="%s",%s}' % (cat, D)
    solar = "sum(%s) or sum(tesla_energy_site_solar_power_watts{%s}) or sum(sunpower_pvs_site_pv_power_watts{%s}) or sum(sunpower_pvs_inverter_ac_power_watts{%s})" % (pw("solar"), D, D, D)
    battery = "sum(%s) or sum(tesla_energy_site_battery_power_watts{%s}) or sum(sunpower_pvs_site_storage_power_watts{%s})" % (pw("battery"), D, D)
    grid = "sum(%s) or sum(tesla_energy_site_grid_power_watts{%s}) or sum(sunpower_pvs_site_net_power_watts{%s})" % (pw("site"), D, D)
    home = "sum(%s) or sum(tesla_energy_site_load_power_watts{%s}) or sum(sunpower_pvs_site_load_power_watts{%s})" % (pw("load"), D, D)
    car = "sum(tesla_wall_connector_power_watts{%s}) or sum(tesla_vehicle_charger_power_watts{%s})" % (D, D)
    soc = "avg(powerwall_charge_ratio{%s}) or avg(tesla_energy_site_charge_ratio{%s}) or avg(sunpower_pvs_site_state_of_charge_ratio{%s})" % (D, D, D)
    b.row("Now")
    for title, expr, desc in [("Solar", solar, "Solar production"),
                              ("Battery", battery, "Positive: discharging, negative: charging"),
                              ("Grid", grid, "Positive: importing, negative: exporting"),
                              ("Home", home, "Home consumption"),
                              ("Car", car, "Wall Connector power (else the cars' charger power)")]:
        b.panel("stat", title, [t(expr, title)], w=4, h=5, unit="watt", desc=desc)
    b.panel("gauge", "Battery state of charge", [t(soc, "State of charge")], w=4, h=5, unit="percentunit",
            field={"min": 0, "max": 1, "thresholds": {"mode": "absolute", "steps": [
                {"color": "red", "value": None}, {"color": "orange", "value": 0.2}, {"color": "green", "value": 0.5}]}})
    b.row("Power flows")
    b.panel("timeseries", "Power", [t(solar, "Solar"), t(battery, "Battery"), t(grid, "Grid"), t(home, "Home"),
                                    t(car, "Car")], w=18, h=10, unit="watt")
    b.panel("timeseries", "State of charge", [
        t("powerwall_charge_ratio{%s}" % D, "{{device}} Powerwall"),
        t("tesla_energy_site_charge_ratio{%s}" % D, "{{site_name}}"),
        t("tesla_vehicle_battery_level_ratio{%s}" % D, "{{name}}")], w=6, h=10, unit="percentunit",
        field={"min": 0, "max": 1})
    b.row("Today")
    totals = [
        ("Solar today", "(%s) or (%s)" % (today('powerwall_exported_joules_total{category="solar",%s}' % D),
                                         today("sunpower_pvs_inverter_energy_joules_total{%s}" % D))),
        ("Imported today", "(%s) or (%s)" % (today('powerwall_imported_joules_total{category="site",%s}' % D),
                                            today("sunpower_pvs_power_meter_imported_energy_joules_total{%s}" % D))),
        ("Exported today", "(%s) or (%s)" % (today('powerwall_exported_joules_total{category="site",%s}' % D),
                                            today("sunpower_pvs_power_meter_exported_energy_joules_total{%s}" % D))),
        ("Home today", "(%s) or (%s)" % (today('powerwall_imported_joules_total{category="load",%s}' % D),
                                        today("sunpower_pvs_site_load_energy_joules_total{%s}" % D))),
        ("Battery charged today", today('powerwall_exported_joules_total{category="battery",%s}' % D)),
        ("Car today", today("tesla_wall_connector_energy_delivered_joules_total{%s}" % D)),
    ]
    for title, expr in totals:
        b.panel("stat", title, [t(expr, title, instant=True)], w=4, h=5, unit="kwatth", time_from="now/d",
                options=dict(default_options("stat"), graphMode="none"), field={"decimals": 1})
    b.panel("timeseries", "Energy per day", [
        t('sum(increase(powerwall_exported_joules_total{category="solar",%s}[1d])) %s' % (D, KWH), "Solar"),
        t('sum(increase(powerwall_imported_joules_total{category="site",%s}[1d])) %s' % (D, KWH), "Grid import"),
        t('sum(increase(powerwall_exported_joules_total{category="site",%s}[1d])) %s' % (D, KWH), "Grid export"),
        t('sum(increase(powerwall_imported_joules_total{category="load",%s}[1d])) %s' % (D, KWH), "Home"),
        t("sum(increase(tesla_wall_connector_energy_delivered_joules_total{%s}[1d])) %s" % (D, KWH), "Car"),
    ], w=24, h=9, unit="kwatth", time_from="30d", interval="1d",
        field={"custom": {"drawStyle": "bars", "fillOpacity": 60, "lineWidth": 1, "showPoints": "never"}})
    b.row("Devices")
    b.panel("table", "Devices", [
        t("home_energy_exporter_device_up{%s}" % D, instant=True, fmt="table"),
        t("time() - home_energy_exporter_device_last_success_timestamp_seconds{%s}" % D, instant=True, fmt="table")],
        w=16, h=8,
        transformations=[{"id": "merge", "options": {}},
                         {"id": "organize", "options": {"excludeByName": {"Time": True, "__name__": True, "job": True, "instance": True},
                                                        "renameByName": {"Value #A": "up", "Value #B": "last success (s ago)"}}}])
    b.panel("stat", "Exporter version", [t("home_energy_exporter_build_info", "{{version}} ({{revision}})", instant=True)],
            w=8, h=8, options=dict(default_options("stat"), textMode="name", graphMode="none"))
    health_panels(b, None)
    b.write()


# ---------------------------------------------------------------- wall connector
def wallconnector():
    b = Board("home-energy-wall-connector", "Tesla Wall Connector", ["wallconnector"], "wallconnector")
    b.row("Charging")
    b.panel("stat", "Power", [t("tesla_wall_connector_power_watts{%s}" % D, "{{device}}")], w=6, h=5, unit="watt")
    b.panel("stat", "Session energy", [t("tesla_wall_connector_session_energy_joules{%s} %s" % (D, KWH), "{{device}}")],
            w=6, h=5, unit="kwatth", field={"decimals": 2})
    b.panel("stat", "Session duration", [t("tesla_wall_connector_session_duration_seconds{%s}" % D, "{{device}}")],
            w=6, h=5, unit="s")
    b.panel("stat", "Vehicle connected", [t("tesla_wall_connector_vehicle_connected{%s}" % D, "{{device}}")], w=6, h=5,
            field={"mappings": [{"type": "value", "options": {"0": {"text": "no", "color": "text"}, "1": {"text": "yes", "color": "green"}}}]})
    b.panel("timeseries", "Charging power", [t("tesla_wall_connector_power_watts{%s}" % D, "{{device}}")], w=12, h=8, unit="watt")
    b.panel("state-timeline", "EVSE state", [t("tesla_wall_connector_evse_state{%s} * 0 + 1" % D, "{{device}} {{state}}")],
            w=12, h=8, desc="One row per state the charger was in")
    b.panel("timeseries", "Current per phase", [
        t("tesla_wall_connector_phase_current_amperes{%s}" % D, "{{device}} {{phase}}"),
        t("tesla_wall_connector_vehicle_current_amperes{%s}" % D, "{{device}} vehicle")], w=12, h=8, unit="amp")
    b.panel("timeseries", "Voltage", [
        t("tesla_wall_connector_grid_volts{%s}" % D, "{{device}} grid"),
        t("tesla_wall_connector_phase_voltage_volts{%s}" % D, "{{device}} {{phase}}")], w=12, h=8, unit="volt")
    b.row("Hardware")
    b.panel("timeseries", "Temperatures", [t("tesla_wall_connector_temperature_celsius{%s}" % D, "{{device}} {{sensor}}")],
            w=8, h=8, unit="celsius")
    b.panel("timeseries", "Grid frequency", [t("tesla_wall_connector_grid_frequency_hertz{%s}" % D, "{{device}}")],
            w=8, h=8, unit="hertz")
    b.panel("timeseries", "Wi-Fi signal", [t("tesla_wall_connector_wifi_signal_strength_ratio{%s}" % D, "{{device}}")],
            w=8, h=8, unit="percentunit", field={"min": 0, "max": 1})
    b.panel("stat", "Uptime", [t("tesla_wall_connector_uptime_seconds{%s}" % D, "{{device}}")], w=6, h=5, unit="s")
    b.panel("stat", "Thermal foldbacks (range)", [t("increase(tesla_wall_connector_thermal_foldbacks_total{%s}[$__range])" % D, "{{device}}", instant=True)],
            w=6, h=5, unit="short")
    b.panel("stat", "Current alerts", [t("tesla_wall_connector_current_alerts{%s}" % D, "{{device}}")], w=6, h=5, unit="short")
    b.panel("stat", "Firmware", [t("tesla_wall_connector_info{%s}" % D, "{{firmware_version}}", instant=True)], w=6, h=5,
            options=dict(default_options("stat"), textMode="name", graphMode="none"))
    b.row("Lifetime")
    b.panel("stat", "Energy delivered", [t("tesla_wall_connector_energy_delivered_joules_total{%s} %s" % (D, KWH), "{{device}}")],
            w=6, h=5, unit="kwatth", field={"decimals": 0})
    b.panel("stat", "Charge starts", [t("tesla_wall_connector_charge_starts_total{%s}" % D, "{{device}}")], w=6, h=5, unit="short")
    b.panel("stat", "Charging time", [t("tesla_wall_connector_charging_time_seconds_total{%s}" % D, "{{device}}")], w=6, h=5, unit="s")
    b.panel("stat", "Contactor cycles", [t("tesla_wall_connector_contactor_cycles_total{%s}" % D, "{{device}}")], w=6, h=5, unit="short")
    b.panel("timeseries", "Energy per day", [
        t("increase(tesla_wall_connector_energy_delivered_joules_total{%s}[1d]) %s" % (D, KWH), "{{device}}")],
        w=24, h=8, unit="kwatth", time_from="30d", interval="1d",
        field={"custom": {"drawStyle": "bars", "fillOpacity": 60, "lineWidth": 1, "showPoints": "never"}})
    health_panels(b, "wallconnector")
    b.write()


# ---------------------------------------------------------------- powerwall
def powerwall():
    b = Board("home-energy-powerwall", "Tesla Powerwall", ["powerwall"], "powerwall")
    b.row("Now")
    for cat, title in [("solar", "Solar"), ("battery", "Battery"), ("site", "Grid"), ("load", "Home")]:
        b.panel("stat", title, [t('sum(powerwall_instant_power_watts{category="%s",%s})' % (cat, D), title)], w=4, h=5, unit="watt")
    b.panel("gauge", "Charge", [t("powerwall_charge_ratio{%s}" % D, "{{device}}")], w=4, h=5, unit="percentunit",
            field={"min": 0, "max": 1})
    b.panel("stat", "Grid status", [t("powerwall_grid_status{%s}" % D, "{{state}}", instant=True)], w=4, h=5,
            options=dict(default_options("stat"), textMode="name", graphMode="none"))
    b.row("Power")
    b.panel("timeseries", "Instant power by category", [t("powerwall_instant_power_watts{%s}" % D, "{{device}} {{category}}")],
            w=16, h=9, unit="watt", desc="site: + importing; battery: + discharging")
    b.panel("timeseries", "Charge and reserve", [
        t("powerwall_charge_ratio{%s}" % D, "{{device}} charge"),
        t("powerwall_reserve_ratio{%s}" % D, "{{device}} reserve")], w=8, h=9, unit="percentunit", field={"min": 0, "max": 1})
    b.panel("timeseries", "Battery blocks power", [t("powerwall_battery_output_power_watts{%s}" % D, "{{device}} {{serial}}")],
            w=12, h=8, unit="watt")
    b.panel("timeseries", "Energy remaining", [
        t("powerwall_remaining_joules{%s} %s" % (D, KWH), "{{device}} remaining"),
        t("powerwall_full_pack_joules{%s} %s" % (D, KWH), "{{device}} full pack")], w=12, h=8, unit="kwatth")
    b.row("Grid")
    b.panel("timeseries", "Voltage", [t("powerwall_instant_average_volts{%s}" % D, "{{device}} {{category}}")], w=8, h=8, unit="volt")
    b.panel("timeseries", "Frequency", [t("powerwall_frequency_hertz{%s}" % D, "{{device}} {{category}}")], w=8, h=8, unit="hertz")
    b.panel("state-timeline", "Island state", [t("powerwall_island_state{%s}" % D, "{{device}} {{state}}")], w=8, h=8)
    b.row("Strings, packs and alerts (TEDAPI: set gateway_password)")
    b.panel("timeseries", "String power", [
        t("powerwall_pv_string_power_watts{%s}" % D, "{{device}} {{inverter}} {{string}}")], w=12, h=8, unit="watt")
    b.panel("timeseries", "String voltage", [
        t("powerwall_pv_string_volts{%s}" % D, "{{device}} {{inverter}} {{string}}")], w=12, h=8, unit="volt")
    b.panel("timeseries", "Pack charge", [
        t("powerwall_battery_remaining_joules{%s} / powerwall_battery_full_pack_joules{%s}" % (D, D),
          "{{device}} {{serial}}")], w=8, h=8, unit="percentunit", field={"min": 0, "max": 1})
    b.panel("timeseries", "Pack temperature", [
        t("powerwall_battery_temperature_celsius{%s}" % D, "{{device}} {{serial}} {{sensor}}")], w=8, h=8, unit="celsius")
    b.panel("table", "Active alerts", [
        t("powerwall_alert_active{%s} or powerwall_component_alert_active{%s}" % (D, D), instant=True, fmt="table")],
        w=8, h=8, desc="Site alerts and the alerts of single components (inverter, battery, meter), from TEDAPI.")
    b.panel("timeseries", "Meter CT power", [
        t("powerwall_ct_power_watts{%s}" % D, "{{device}} meter {{meter}} CT {{ct}}"),
        t("powerwall_remote_meter_ct_power_watts{%s} or powerwall_neurio_ct_power_watts{%s}" % (D, D),
          "{{device}} remote meter {{din}}{{serial}} CT {{ct}} {{location}}")],
        w=24, h=8, unit="watt",
        desc="Real power per CT of each meter, from TEDAPI: the gateway's own meters (x, y), Tesla Remote "
             "Meters (by DIN) and Neurio meters (by serial, with the location the gateway gives them).")
    b.panel("timeseries", "TEDAPI requests up", [
        t("powerwall_tedapi_up{%s}" % D, "{{device}} {{query}}")], w=24, h=6, field={"min": 0, "max": 1})
    b.row("Energy")
    b.panel("timeseries", "Imported per day", [
        t("increase(powerwall_imported_joules_total{%s}[1d]) %s" % (D, KWH), "{{device}} {{category}}")],
        w=12, h=8, unit="kwatth", time_from="30d", interval="1d",
        field={"custom": {"drawStyle": "bars", "fillOpacity": 60, "lineWidth": 1, "showPoints": "never"}})
    b.panel("timeseries", "Exported per day", [
        t("increase(powerwall_exported_joules_total{%s}[1d]) %s" % (D, KWH), "{{device}} {{category}}")],
        w=12, h=8, unit="kwatth", time_from="30d", interval="1d",
        field={"custom": {"drawStyle": "bars", "fillOpacity": 60, "lineWidth": 1, "showPoints": "never"}})
    b.row("System")
    b.panel("stat", "Sitemaster running", [t("powerwall_sitemaster_running{%s}" % D, "{{device}}")], w=6, h=5)
    b.panel("stat", "Connected to Tesla", [t("powerwall_sitemaster_connected{%s}" % D, "{{device}}")], w=6, h=5)
    b.panel("stat", "Problems detected", [t("powerwall_problems_detected{%s}" % D, "{{device}}")], w=6, h=5, unit="short")
    b.panel("stat", "Firmware", [t("powerwall_info{%s}" % D, "{{version}}", instant=True)], w=6, h=5,
            options=dict(default_options("stat"), textMode="name", graphMode="none"))
    b.panel("timeseries", "Network signal", [t("powerwall_network_signal_strength_ratio{%s}" % D, "{{device}} {{name}}")],
            w=12, h=7, unit="percentunit")
    b.panel("stat", "Operation mode", [t("powerwall_operation_mode{%s}" % D, "{{mode}}", instant=True)], w=6, h=7,
            options=dict(default_options("stat"), textMode="name", graphMode="none"))
    b.panel("stat", "Uptime", [t("powerwall_uptime_seconds{%s}" % D, "{{device}}")], w=6, h=7, unit="s")
    health_panels(b, "powerwall")
    b.write()


# ---------------------------------------------------------------- sunpower
def sunpower():
    b = Board("home-energy-sunpower", "SunPower PVS", ["sunpower"], "sunpower")
    b.row("Production")
    b.panel("stat", "Inverters AC power", [t("sum(sunpower_pvs_inverter_ac_power_watts{%s})" % D, "Solar")], w=6, h=5, unit="watt")
    b.panel("stat", "Production today", [t(today("sunpower_pvs_inverter_energy_joules_total{%s}" % D), "Today", instant=True)],
            w=6, h=5, unit="kwatth", time_from="now/d", field={"decimals": 1},
            options=dict(default_options("stat"), graphMode="none"))
    b.panel("stat", "Net meter power", [t("sum(sunpower_pvs_power_meter_average_real_power_watts{%s,mode=\"consumption\"})" % D, "Net")],
            w=6, h=5, unit="watt", desc="Consumption (net) meter: negative while exporting")
    b.panel("stat", "Inverters reporting", [t("count(sunpower_pvs_inverter_ac_power_watts{%s})" % D, "Inverters")], w=6, h=5)
    b.panel("heatmap", "AC power per inverter", [
        t("sunpower_pvs_inverter_ac_power_watts{%s}" % D, "{{device_id}}")], w=24, h=12, unit="watt",
        desc="One row per inverter (panel); a dim row in daylight is a shaded or failing panel",
        options={"calculate": False, "cellGap": 1, "color": {"mode": "scheme", "scheme": "Oranges", "steps": 64,
                                                               "exponent": 0.5, "fill": "dark-orange", "reverse": False},
                 "yAxis": {"axisPlacement": "left", "reverse": False, "unit": "short"},
                 "rowsFrame": {"layout": "auto"}, "cellValues": {"unit": "watt"},
                 "legend": {"show": True}, "tooltip": {"mode": "single", "yHistogram": False, "showColorScale": True},
                 "filterValues": {"le": 1e-9}, "showValue": "never", "exemplars": {"color": "rgba(255,0,255,0.7)"}})
    b.panel("bargauge", "Energy today per inverter", [
        t("increase(sunpower_pvs_inverter_energy_joules_total{%s}[$__range]) %s" % (D, KWH), "{{device_id}}", instant=True)],
        w=12, h=12, unit="kwatth", time_from="now/d", field={"decimals": 2},
        options=dict(default_options("bargauge"), orientation="horizontal"))
    b.panel("heatmap", "Heatsink temperature per inverter", [
        t("sunpower_pvs_inverter_heatsink_temperature_celsius{%s}" % D, "{{device_id}}")], w=12, h=12, unit="celsius",
        options={"calculate": False, "cellGap": 1, "color": {"mode": "scheme", "scheme": "RdYlBu", "steps": 64,
                                                               "exponent": 0.5, "fill": "dark-orange", "reverse": True},
                 "yAxis": {"axisPlacement": "left", "reverse": False}, "rowsFrame": {"layout": "auto"},
                 "cellValues": {"unit": "celsius"}, "legend": {"show": True},
                 "tooltip": {"mode": "single", "yHistogram": False, "showColorScale": True}, "showValue": "never"})
    b.row("Meters and site")
    b.panel("timeseries", "Meter power", [t("sunpower_pvs_power_meter_average_real_power_watts{%s}" % D, "{{device}} {{mode}}")],
            w=12, h=8, unit="watt")
    b.panel("timeseries", "Site power (2025 firmware)", [
        t("sunpower_pvs_site_pv_power_watts{%s}" % D, "{{device}} PV"),
        t("sunpower_pvs_site_net_power_watts{%s}" % D, "{{device}} net"),
        t("sunpower_pvs_site_load_power_watts{%s}" % D, "{{device}} load"),
        t("sunpower_pvs_site_storage_power_watts{%s}" % D, "{{device}} storage")], w=12, h=8, unit="watt")
    b.panel("timeseries", "Line voltage", [t("sunpower_pvs_power_meter_line_voltage_volts{%s}" % D, "{{device}} {{device_id}}")],
            w=8, h=8, unit="volt")
    b.panel("timeseries", "Power factor", [t("sunpower_pvs_power_meter_power_factor_ratio{%s}" % D, "{{device}} {{mode}}")],
            w=8, h=8, unit="percentunit")
    b.panel("timeseries", "Storage state of charge", [
        t("sunpower_pvs_site_state_of_charge_ratio{%s}" % D, "{{device}} site"),
        t("sunpower_pvs_storage_state_of_charge_ratio{%s}" % D, "{{device}} {{device_id}}")], w=8, h=8, unit="percentunit",
        field={"min": 0, "max": 1})
    b.row("Supervisor")
    b.panel("stat", "Uptime", [t("sunpower_pvs_supervisor_uptime_seconds{%s}" % D, "{{device}}")], w=6, h=5, unit="s")
    b.panel("stat", "Communication errors", [t("sunpower_pvs_supervisor_communication_errors{%s}" % D, "{{device}}")], w=6, h=5)
    b.panel("timeseries", "Memory / flash used", [
        t("sunpower_pvs_supervisor_memory_used_ratio{%s}" % D, "{{device}} memory"),
        t("sunpower_pvs_supervisor_flash_used_ratio{%s}" % D, "{{device}} flash")], w=12, h=5, unit="percentunit")
    b.panel("table", "Device states", [t("sunpower_pvs_device_state{%s}" % D, instant=True, fmt="table")], w=24, h=8,
            transformations=[{"id": "organize", "options": {"excludeByName": {"Time": True, "__name__": True, "Value": True,
                                                                               "job": True, "instance": True}}}])
    health_panels(b, "sunpower")
    b.write()


# ---------------------------------------------------------------- tesla
def tesla():
    vin = variable("vin", "Vehicle", 'label_values(tesla_vehicle_state{device=~"$device"}, vin)')
    b = Board("home-energy-tesla", "Tesla vehicles and energy sites", ["tesla"], "tesla", extra_vars=[vin])
    V = 'device=~"$device",vin=~"$vin"'
    b.row("Vehicles")
    b.panel("bargauge", "Battery level", [t("tesla_vehicle_battery_level_ratio{%s}" % V, "{{name}}")], w=8, h=6,
            unit="percentunit", field={"min": 0, "max": 1})
    b.panel("stat", "State", [t("tesla_vehicle_state{%s}" % V, "{{name}}: {{state}}", instant=True)], w=8, h=6,
            options=dict(default_options("stat"), textMode="name", graphMode="none"))
    b.panel("stat", "Charging", [t("tesla_vehicle_charging_state{%s}" % V, "{{name}}: {{state}}", instant=True)], w=8, h=6,
            options=dict(default_options("stat"), textMode="name", graphMode="none"))
    b.panel("timeseries", "Battery level and limit", [
        t("tesla_vehicle_battery_level_ratio{%s}" % V, "{{name}}"),
        t("tesla_vehicle_charge_limit_ratio{%s}" % V, "{{name}} limit")], w=12, h=8, unit="percentunit", field={"min": 0, "max": 1})
    b.panel("timeseries", "Range", [t("tesla_vehicle_battery_range_meters{%s}" % V, "{{name}}")], w=12, h=8, unit="lengthm")
    b.panel("timeseries", "Charger power", [t("tesla_vehicle_charger_power_watts{%s}" % V, "{{name}}")], w=12, h=8, unit="watt")
    b.panel("stat", "Energy added (session)", [t("tesla_vehicle_charge_energy_added_joules{%s} %s" % (V, KWH), "{{name}}")],
            w=6, h=8, unit="kwatth", field={"decimals": 1})
    b.panel("stat", "Odometer", [t("tesla_vehicle_odometer_meters{%s} / 1000" % V, "{{name}}")], w=6, h=8, unit="lengthkm",
            field={"decimals": 0})
    b.panel("timeseries", "Temperatures", [
        t("tesla_vehicle_inside_temperature_celsius{%s}" % V, "{{name}} inside"),
        t("tesla_vehicle_outside_temperature_celsius{%s}" % V, "{{name}} outside")], w=12, h=8, unit="celsius")
    b.panel("timeseries", "Tire pressure", [t("tesla_vehicle_tire_pressure_pascals{%s} / 1e5" % V, "{{name}} {{tire}}")],
            w=12, h=8, unit="pressurebar")
    b.row("Energy sites")
    b.panel("timeseries", "Site power", [
        t("tesla_energy_site_solar_power_watts{%s}" % D, "{{site_name}} solar"),
        t("tesla_energy_site_battery_power_watts{%s}" % D, "{{site_name}} battery"),
        t("tesla_energy_site_grid_power_watts{%s}" % D, "{{site_name}} grid"),
        t("tesla_energy_site_load_power_watts{%s}" % D, "{{site_name}} home")], w=16, h=9, unit="watt")
    b.panel("timeseries", "Charge and backup reserve", [
        t("tesla_energy_site_charge_ratio{%s}" % D, "{{site_name}} charge"),
        t("tesla_energy_site_backup_reserve_ratio{%s}" % D, "{{site_name}} reserve")], w=8, h=9, unit="percentunit",
        field={"min": 0, "max": 1})
    b.panel("stat", "Grid status", [t("tesla_energy_site_grid_status{%s}" % D, "{{site_name}}: {{state}}", instant=True)], w=8, h=5,
            options=dict(default_options("stat"), textMode="name", graphMode="none"))
    b.panel("stat", "Operation mode", [t("tesla_energy_site_operation_mode{%s}" % D, "{{site_name}}: {{state}}", instant=True)], w=8, h=5,
            options=dict(default_options("stat"), textMode="name", graphMode="none"))
    b.panel("stat", "Storm mode", [t("tesla_energy_site_storm_mode_active{%s}" % D, "{{site_name}}")], w=8, h=5)
    b.row("Fleet API cost")
    b.panel("bargauge", "Projected month vs budget", [
        t("tesla_fleet_api_projected_month_dollars{%s} / tesla_fleet_api_budget_dollars{%s}" % (D, D), "{{device}}")],
        w=8, h=6, unit="percentunit", field={"min": 0, "max": 1.2, "thresholds": {"mode": "absolute", "steps": [
            {"color": "green", "value": None}, {"color": "orange", "value": 0.8}, {"color": "red", "value": 1}]}})
    b.panel("stat", "Projected this month", [t("tesla_fleet_api_projected_month_dollars{%s}" % D, "{{device}}")], w=8, h=6,
            unit="currencyUSD", field={"decimals": 2})
    b.panel("stat", "Budget", [t("tesla_fleet_api_budget_dollars{%s}" % D, "{{device}}")], w=8, h=6, unit="currencyUSD")
    b.panel("timeseries", "Requests by kind", [
        t("sum by (device, kind) (increase(tesla_fleet_api_requests_total{%s}[1h]))" % D, "{{device}} {{kind}}")],
        w=12, h=8, unit="short", desc="Billed requests per hour")
    b.panel("timeseries", "Spend", [
        t("sum by (device) (increase(tesla_fleet_api_cost_dollars_total{%s}[1d]))" % D, "{{device}} per day"),
        t("tesla_fleet_api_projected_month_dollars{%s}" % D, "{{device}} projected month"),
        t("tesla_fleet_api_budget_dollars{%s}" % D, "{{device}} budget")], w=12, h=8, unit="currencyUSD")
    b.panel("timeseries", "Rate limited until", [
        t("tesla_fleet_api_rate_limited_until_timestamp_seconds{%s} - time()" % D, "{{device}}")], w=24, h=6, unit="s",
        desc="Seconds left of the last 429's Retry-After")
    health_panels(b, "tesla")
    b.write()


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for f in (overview, wallconnector, powerwall, sunpower, tesla):
        f()
