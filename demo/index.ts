// The demo program: the PortSIP example, deployed by `npm run demo` against the simulators.
export * from "../examples/pbx";
