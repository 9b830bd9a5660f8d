"""medvault: coffre-fort chiffré pour dossiers patients / encrypted patient-record vault."""

__version__ = "0.1.0"
